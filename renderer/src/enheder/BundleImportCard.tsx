import { importInWords } from '../../../shared/domain/bundle-results';
import { api } from '../api';
import { PakkeFiles } from '../components/PakkeFiles';

/**
 * The department's side of a resultatpakke (issue #15): the leaders' .tilsyn files read in, one or several at a
 * time; each says what it brought (new, updated, already here) or, in Danish, why it was refused.
 */
export function BundleImportCard({ onImported }: { onImported(): void }) {
  return (
    <section className="card unit-new" aria-labelledby="pakker-titel">
      <h2 className="h4" id="pakker-titel">
        Indlæs resultatpakker
      </h2>
      <p className="form-hint">
        Lederne sender deres afsluttede runder som en resultatpakke (.tilsyn) fra Årshjul eller Formidling. Her bliver
        hver runde en runde i sin enhed, med de samme resultater; en pakke, der er indlæst før, ændrer intet, og en
        nyere af samme runder opdaterer dem. Pakkerne har kun samlede tal: ingen sagsnumre, navne eller noter.
      </p>
      <PakkeFiles
        id="pakke-fil"
        label="Vælg pakker"
        read={async (fileName, dataBase64) => importInWords(await api.call('pakke.indlaes', { fileName, dataBase64 }))}
        onRead={onImported}
      />
    </section>
  );
}
