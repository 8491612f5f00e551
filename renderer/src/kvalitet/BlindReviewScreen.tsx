import { useEffect, useState } from 'react';
import type { BlindList, BlindSag } from '../../../shared/domain/second-review';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { messageOf } from '../errors';
import { QuestionSections } from '../gennemgang/QuestionSections';
import '../gennemgang/gennemgang.css';
import '../selvevaluering/selvevaluering.css';

/**
 * The second reviewer's review (issue #16): her sager of the round and the template's questions, blind — nothing of
 * the first review is fetched or shown — each answer saved as she gives it. No menu: she reviews, nothing else.
 */
const fetchSag = (sagId: number) => api.call('kvalitet.sag', { sagId });

export function BlindReviewScreen({ tilsynId }: { tilsynId: number }) {
  const [list, setList] = useState<BlindList>();
  const [sag, setSag] = useState<BlindSag>();
  const [error, setError] = useState<string>();
  const [saveError, setSaveError] = useState<string>();

  const open = (sagId: number) => fetchSag(sagId).then(setSag, (err) => setError(messageOf(err)));
  useEffect(() => {
    api.call('kvalitet.sager', { tilsynId }).then(
      async (l) => {
        setList(l);
        const first = l.sager[0];
        if (first) setSag(await fetchSag(first.sagId));
      },
      (err) => setError(messageOf(err)),
    );
  }, [tilsynId]);

  if (error)
    return (
      <section>
        <PageTitle>Den anden gennemgang kunne ikke vises</PageTitle>
        <Alert kind="error">
          <p className="alert-text">{error}</p>
        </Alert>
      </section>
    );
  if (!list) return <p aria-live="polite">Henter sagerne …</p>;

  function saved(next: BlindSag) {
    setSag(next);
    setList(
      (l) =>
        l && {
          ...l,
          sager: l.sager.map((s) =>
            s.sagId === next.sagId
              ? {
                  ...s,
                  answered: next.progress.applicable - next.progress.missing.length,
                  applicable: next.progress.applicable,
                }
              : s,
          ),
        },
    );
  }
  const done = list.sager.filter((s) => s.applicable > 0 && s.answered === s.applicable).length;

  return (
    <section className="self-evaluation">
      <div className="page-heading">
        <div>
          <PageTitle>Anden gennemgang</PageTitle>
          <p className="heading-meta">
            {list.titel} · {list.bedoemmer}
          </p>
        </div>
      </div>
      <p className="font-lead">
        Gennemgå sagerne med skabelonens spørgsmål, som om du var den første. Du ser ikke den første gennemgangs svar;
        lederen sammenligner bagefter og afgør, hvor I vurderer forskelligt. Dine svar gemmes, i det øjeblik du giver
        dem.
      </p>
      {saveError && (
        <Alert kind="error">
          <p className="alert-text">{saveError}</p>
        </Alert>
      )}
      <div className="review-layout">
        <nav className="review-panel self-sager" aria-label="Sagerne til anden gennemgang">
          <h2 className="h4">Dine sager</h2>
          <p className="muted">
            {done} af {list.sager.length} gennemgået
          </p>
          <ul className="self-sag-list nobullet-list">
            {list.sager.map((s) => (
              <li key={s.sagId}>
                <button
                  type="button"
                  className="link-button"
                  aria-current={s.sagId === sag?.sagId ? 'true' : undefined}
                  onClick={() => void open(s.sagId)}
                >
                  Sag {s.sagsnummer}
                </button>
                <span className="muted">
                  {' '}
                  {s.answered} af {s.applicable}
                </span>
              </li>
            ))}
          </ul>
        </nav>
        {sag && <BlindSagForm key={sag.sagId} sag={sag} onSaved={saved} onError={(e) => setSaveError(messageOf(e))} />}
      </div>
    </section>
  );
}

function BlindSagForm(props: { sag: BlindSag; onSaved(sag: BlindSag): void; onError(err: unknown): void }) {
  const { sag } = props;
  return (
    <div className="review-main">
      <h2 className="h3">
        Sag {sag.sagsnummer}
        {sag.sagstype ? <span className="muted"> · {sag.sagstype}</span> : null}
      </h2>
      {sag.locked && (
        <Alert kind="info">
          <p className="alert-text">Tilsynet er afsluttet: svarene kan ikke ændres længere.</p>
        </Alert>
      )}
      <QuestionSections
        content={sag.content}
        sectionKeys={sag.sectionKeys}
        sagstype={sag.sagstype}
        answers={sag.answers}
        dates={sag.dates}
        disabled={sag.locked}
        onSave={(key, change) =>
          void api.call('kvalitet.svar', { sagId: sag.sagId, key, ...change }).then(props.onSaved, props.onError)
        }
      />
    </div>
  );
}
