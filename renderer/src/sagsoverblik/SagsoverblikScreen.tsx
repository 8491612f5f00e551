import { useState } from 'react';
import { todayIso } from '../../../shared/domain/dates';
import { flattenTree, unitTree } from '../../../shared/domain/enhed';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { Select } from '../components/Select';
import { YearNav } from '../components/YearNav';
import { useLoad } from '../hooks/useLoad';
import { routeHref } from '../routes';
import { CaseloadSection } from './CaseloadSection';
import { FlowSection } from './FlowSection';
import { ListsSection } from './ListsSection';
import { MonthSection } from './MonthSection';
import { OverviewSettingsCard } from './OverviewSettingsCard';
import './sagsoverblik.css';
import { useSagsoverblikData } from './useSagsoverblikData';

/**
 * The sagsoverblik (issue #19; seed 000): an enhed's sager on the 1st of every month, the tilgang and afgang, and
 * the sager per caseworker against the måltal, from the sagslister imported for its tilsyn or for the overview.
 */
export function SagsoverblikScreen({ enhedId }: { enhedId: number | null }) {
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const units = useLoad(() => api.call('enheder.list', { medSagslister: false }), []);
  const nodes = flattenTree(unitTree(units.data ?? []));
  return (
    <section>
      <PageTitle>Sagsoverblik</PageTitle>
      <p className="font-lead">
        Antallet af sager ved hver måneds start, tilgangen af nye sager og afgangen, og sager pr. sagsbehandler mod
        måltallet. Tallene kommer fra de sagslister, der er importeret til enhedens tilsyn eller her.
      </p>
      {units.error && (
        <Alert kind="error">
          <p className="alert-text">{units.error}</p>
        </Alert>
      )}
      <div className="year-controls">
        <Select
          id="oversigt-enhed"
          label="Enhed"
          value={enhedId ? String(enhedId) : ''}
          options={[['', 'Vælg en enhed'], ...nodes.map((n): [string, string] => [String(n.id), n.path])]}
          onChange={(v) => {
            window.location.hash = v ? routeHref({ name: 'sagsoverblik', enhedId: Number(v) }) : '#/sagsoverblik';
          }}
        />
        {enhedId && <YearNav year={year} onChange={setYear} />}
      </div>
      {units.data && units.data.length === 0 && (
        <p className="empty-state">
          Der er ingen enheder endnu. <a href={routeHref({ name: 'enheder' })}>Opret enhederne</a> først.
        </p>
      )}
      {enhedId ? (
        <Overview
          key={enhedId}
          enhedId={enhedId}
          year={year}
          hasUnitsBelow={(units.data ?? []).some((u) => u.foraelderId === enhedId)}
        />
      ) : (
        units.data && units.data.length > 0 && <p className="empty-state">Vælg den enhed, hvis sager du vil se.</p>
      )}
    </section>
  );
}

function Overview({ enhedId, year, hasUnitsBelow }: { enhedId: number; year: number; hasUnitsBelow: boolean }) {
  const data = useSagsoverblikData(enhedId, year);
  const [selected, setSelected] = useState<number | null>(null);
  const { lists, settings, months, error } = data;
  if (error)
    return (
      <Alert kind="error">
        <p className="alert-text">{error}</p>
      </Alert>
    );
  if (!lists || !settings || !months) return <p>Henter sagsoverblikket …</p>;
  const latest = lists[lists.length - 1];
  const shown = lists.find((l) => l.id === selected) ?? latest;
  return (
    <>
      {hasUnitsBelow && (
        <p className="lead-width">
          Enhederne under denne har deres egne sagslister.{' '}
          <a href={routeHref({ name: 'sammenlign', id: enhedId })}>Se deres sagsoverblik side om side</a>.
        </p>
      )}
      <OverviewSettingsCard
        settings={settings}
        onSave={data.saveSettings}
        anyPersons={lists.some((l) => l.personer !== null)}
      />
      <MonthSection view={months} year={year} />
      <ListsSection lists={lists} data={data} selected={shown?.id ?? null} onSelect={setSelected} />
      {shown && (
        <CaseloadSection
          key={`${shown.id}-${settings.maal}-${settings.optaelling}-${shown.sagerSlettet}`}
          list={shown}
        />
      )}
      {lists.length >= 2 && <FlowSection key={`${lists.length}-${settings.optaelling}`} lists={lists} />}
    </>
  );
}
