/** »← Forrige 200« and »Næste 200 →« under or over a long list, where there is such a page. */
export function PageButtons(props: { from: number; found: number; size: number; onFrom(from: number): void }) {
  const { from, found, size } = props;
  if (found <= size) return null;
  return (
    <div className="button-row page-buttons">
      <button
        type="button"
        className="button button-tertiary"
        disabled={from === 0}
        onClick={() => props.onFrom(Math.max(0, from - size))}
      >
        ← Forrige {size}
      </button>
      <button
        type="button"
        className="button button-tertiary"
        disabled={from + size >= found}
        onClick={() => props.onFrom(from + size)}
      >
        Næste {size} →
      </button>
    </div>
  );
}
