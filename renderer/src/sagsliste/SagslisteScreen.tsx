import { useState } from 'react';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { TilsynLayout } from '../tilsyn/TilsynLayout';
import { ManualSagForm } from './ManualSagForm';
import { PopulationImport } from './PopulationImport';
import { PopulationSummaryCard } from './PopulationSummaryCard';
import { PopulationTable } from './PopulationTable';
import './sagsliste.css';
import { useSagslisteData } from './useSagslisteData';

export function SagslisteScreen({ id }: { id: number }) {
  return (
    <TilsynLayout id={id} step="sagsliste">
      {(tilsyn, reload) => <Sagsliste tilsyn={tilsyn} onChanged={reload} />}
    </TilsynLayout>
  );
}

function Sagsliste({ tilsyn, onChanged }: { tilsyn: TilsynSummary; onChanged(): void }) {
  const [search, setSearch] = useState('');
  const [from, setFrom] = useState(0);
  const data = useSagslisteData(tilsyn, search, from, onChanged);
  const { summary, sampleDrawn, error } = data;
  const [importing, setImporting] = useState(false);
  const editing = useState<number>();
  // A new search starts at its first page.
  const searchFor = (text: string) => {
    setSearch(text);
    setFrom(0);
  };

  if (error)
    return (
      <Alert kind="error">
        <p className="alert-text">{error}</p>
      </Alert>
    );
  if (summary === undefined) return <p>Henter sagslisten …</p>;

  if (!summary || importing) {
    return (
      <PopulationImport
        data={data}
        askListDate={tilsyn.enhedId === null ? undefined : 'optional'}
        onCancel={summary ? () => setImporting(false) : undefined}
        onImported={() => {
          setImporting(false);
          void data.reloadImported();
        }}
      />
    );
  }

  return (
    <>
      <PopulationSummaryCard
        tilsynId={tilsyn.id}
        summary={summary}
        sampleDrawn={sampleDrawn}
        overview={tilsyn.enhedId === null ? null : { enhedId: tilsyn.enhedId, list: data.overviewList }}
        onReimport={() => setImporting(true)}
      />
      {!sampleDrawn && <ManualSagForm onAdd={data.addSag} />}
      <PopulationTable
        page={data.page}
        from={from}
        onFrom={setFrom}
        dateFields={data.dateFields}
        sampleDrawn={sampleDrawn}
        onUpdateSag={data.updateSag}
        search={[search, searchFor]}
        editing={editing}
      />
    </>
  );
}
