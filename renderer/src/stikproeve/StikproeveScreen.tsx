import { useState } from 'react';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { routeHref } from '../routes';
import { TilsynLayout } from '../tilsyn/TilsynLayout';
import { SampleForm } from './SampleForm';
import { SampleRecordView } from './SampleRecordView';
import './stikproeve.css';
import { useStikproeveData } from './useStikproeveData';

export function StikproeveScreen({ id }: { id: number }) {
  return (
    <TilsynLayout id={id} step="stikproeve">
      {(tilsyn, reload) => <SampleStep tilsyn={tilsyn} onChanged={reload} />}
    </TilsynLayout>
  );
}

function SampleStep({ tilsyn, onChanged }: { tilsyn: TilsynSummary; onChanged(): void }) {
  const { population, record, dateLabels, busy, error, clearError, notice, clearNotice, draw, exclude, preview } =
    useStikproeveData(tilsyn, onChanged);
  const [redrawing, setRedrawing] = useState(false);

  if (population === undefined || record === undefined)
    return error ? (
      <Alert kind="error">
        <p className="alert-text">{error}</p>
      </Alert>
    ) : (
      <p>Henter stikprøven …</p>
    );
  if (!population || population.rowCount === 0) {
    return (
      <Alert kind="info" heading="Importér sagslisten først">
        <p className="alert-text">
          Stikprøven trækkes fra sagslisten.{' '}
          <a href={routeHref({ name: 'sagsliste', id: tilsyn.id })}>Gå til sagslisten</a>.
        </p>
      </Alert>
    );
  }

  return (
    <>
      {notice && (
        <Alert kind="success" onClose={clearNotice}>
          <p className="alert-text">{notice}</p>
        </Alert>
      )}
      {error && (
        <Alert kind="error" onClose={clearError}>
          <p className="alert-text">{error}</p>
        </Alert>
      )}
      {(!record || redrawing) && (
        <SampleForm
          population={population}
          dateLabels={dateLabels}
          busy={busy}
          onPreview={preview}
          onDraw={async (spec, drawnBy) => {
            if (await draw(spec, drawnBy)) setRedrawing(false);
          }}
          onCancel={record ? () => setRedrawing(false) : undefined}
        />
      )}
      {record && !redrawing && (
        <SampleRecordView
          record={record}
          dateLabels={dateLabels}
          onExclude={exclude}
          onRedraw={() => setRedrawing(true)}
        />
      )}
    </>
  );
}
