export const QUARTERS = ['1. kvartal', '2. kvartal', '3. kvartal', '4. kvartal'];

/** The four quarters' column heads, as every quarter-by-quarter table has them. */
export const QuarterHeads = () => (
  <>
    {QUARTERS.map((q) => (
      <th scope="col" key={q}>
        {q}
      </th>
    ))}
  </>
);
