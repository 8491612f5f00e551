/** ← last year · next year →: moving a year view by one year. */
export function YearNav({ year, onChange }: { year: number; onChange(year: number): void }) {
  return (
    <>
      <button type="button" className="button button-tertiary" onClick={() => onChange(year - 1)}>
        ← {year - 1}
      </button>
      <button type="button" className="button button-tertiary" onClick={() => onChange(year + 1)}>
        {year + 1} →
      </button>
    </>
  );
}
