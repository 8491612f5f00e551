import { useState } from 'react';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { TextField } from '../components/TextField';
import { isConflict, messageOf } from '../errors';
import { downloadGeneratedFile } from '../files';
import { PublicationCheckPanel } from '../formidling/PublicationCheckPanel';
import { isCancelled, tracked } from '../tasks';
import { usePeriodCheck } from './usePeriodCheck';

/** The enhed's period report: its afsluttede rounds in a period (default the year), aggregated, as a PDF. */
export function PeriodReportCard({ enhedId, year }: { enhedId: number; year: number }) {
  const [fra, setFra] = useState(`${year}-01-01`);
  const [til, setTil] = useState(`${year}-12-31`);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const check = usePeriodCheck({ enhedId, fra, til });
  async function download(what: 'rapport' | 'pakke') {
    setError(undefined);
    setBusy(true);
    try {
      const input = { enhedId, fra, til };
      downloadGeneratedFile(
        what === 'rapport'
          ? await tracked('Laver perioderapporten', (id) => api.track('rapport.periode', input, id))
          : await api.call('pakke.resultater', input),
      );
    } catch (err) {
      if (isCancelled(err)) return;
      setError(messageOf(err));
      // Refused by the publication check: show it, so the passage can be rewritten or marked here.
      if (what === 'rapport' && isConflict(err)) await check.reload();
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card coverage" aria-labelledby="periode-titel">
      <h2 className="h4" id="periode-titel">
        Perioderapport
      </h2>
      <p className="form-hint">
        Enhedens afsluttede runder i perioden samlet: resultater pr. krav og runde, dækning og opfølgningsplaner. Kun
        samlede tal; runderne nævnes ved deres periode. For en afdeling eller forvaltning med runder fra flere enheder
        er det den samlede rapport til udvalget: enhederne lagt sammen kvartal for kvartal. Resultatpakken er de samme
        runder som én fil, der indlæses i afdelingens Tilsyn under Enheder.
      </p>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      <div className="round-plan-fields">
        <TextField id="periode-fra" label="Fra" type="date" value={fra} onChange={setFra} />
        <TextField id="periode-til" label="Til" type="date" value={til} onChange={setTil} />
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => void download('rapport')}
        >
          {busy ? 'Laver filen …' : 'Hent perioderapporten (PDF)'}
        </button>
        <button type="button" className="button button-tertiary" disabled={busy} onClick={() => void download('pakke')}>
          Hent resultatpakke til afdelingen (.tilsyn)
        </button>
      </div>
      {check.shown ? (
        <PublicationCheckPanel tilsynId={0} dokument="udvalg" state={check} />
      ) : (
        <button type="button" className="button button-tertiary" onClick={() => void check.reload()}>
          Tjek før offentliggørelse
        </button>
      )}
    </section>
  );
}
