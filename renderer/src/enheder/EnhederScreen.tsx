import { unitTree } from '../../../shared/domain/enhed';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import './enheder.css';
import { BundleImportCard } from './BundleImportCard';
import { UnitForm } from './UnitForm';
import { UnitRow } from './UnitRow';
import { useEnhederData } from './useEnhederData';

/** The enheder: forvaltning, afdelinger and teams, each tilsyn's home; what was made from free text, to confirm. */
export function EnhederScreen() {
  const data = useEnhederData();
  const { units, error } = data;
  const unconfirmed = units?.filter((u) => !u.bekraeftet).length ?? 0;

  return (
    <section>
      <PageTitle>Enheder</PageTitle>
      <p className="font-lead">
        Forvaltningen, afdelingerne og teamene. Hvert tilsyn hører til én enhed, og udviklingen og baseline følges for
        enheden, så to teams med samme skabelon aldrig blandes.
      </p>
      {error && (
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {unconfirmed > 0 && (
        <Alert kind="warning" heading={`${unconfirmed === 1 ? 'Én enhed' : `${unconfirmed} enheder`} skal bekræftes`}>
          <p className="alert-text">
            De er lavet ud fra det, der stod i tilsynenes felt »Enhed eller team«, før der var enheder, eller af en
            indlæst resultatpakke. Bekræft dem, flyt dem ind under deres afdeling, eller flet dem, der er samme team
            skrevet på to måder.
          </p>
        </Alert>
      )}
      {!units ? (
        <p>Henter enhederne …</p>
      ) : (
        <>
          {units.length === 0 ? (
            <p className="empty-state">
              Der er ingen enheder endnu. Opret forvaltningen og dens afdelinger og teams her, eller skriv enheden, når
              du opretter et tilsyn: så oprettes den.
            </p>
          ) : (
            <ul className="unit-tree unit-tree-top no-max-width" aria-label="Enheder">
              {unitTree(units).map((node) => (
                <UnitRow key={node.id} node={node} units={units} data={data} />
              ))}
            </ul>
          )}
          <div className="card unit-new">
            <h2 className="h4">Ny enhed</h2>
            <UnitForm idPrefix="ny-enhed" units={units} submitLabel="Opret enheden" onSubmit={data.create} />
          </div>
          <BundleImportCard onImported={() => void data.reload()} />
        </>
      )}
    </section>
  );
}
