import { AREA_LABELS } from '../../../shared/domain/template';
import { Choice } from '../components/Choice';
import { useTemplateList, useTemplateVersion } from './useTilsynData';

interface TemplateChoiceProps {
  /** Once the sample is drawn the template is fixed: shown, not chosen. */
  locked?: boolean;
  versionId: number | undefined;
  afsnit: string[] | null;
  onChange(versionId: number | undefined, afsnit: string[] | null): void;
  errors: Record<string, string>;
}

/** Picks the published template version a tilsyn uses, and for a tematiseret tilsyn, its afsnit. */
export function TemplateChoice({ locked, versionId, afsnit, onChange, errors }: TemplateChoiceProps) {
  const { templates, error: listError } = useTemplateList();
  const { version, error: versionError } = useTemplateVersion(versionId);
  const sections = version?.content.sections.filter((s) => s.active !== false) ?? [];
  const loadError = versionError ?? listError;

  // Every published version can be chosen; the newest is listed first for each template.
  const choices = (templates ?? []).flatMap((t) =>
    t.versions.filter((v) => v.status === 'publiceret').map((v) => ({ template: t, version: v })),
  );
  const error = errors.skabelonVersionId;
  if (locked) {
    const chosen = choices.find((c) => c.version.id === versionId);
    return (
      <div className="form-group">
        <p className="form-label">Skabelon</p>
        <p>
          {chosen ? `${chosen.template.name} – version ${chosen.version.nummer}` : '…'}
          {afsnit && ` (tematiseret: ${afsnit.map((k) => sections.find((s) => s.key === k)?.title ?? k).join(', ')})`}
        </p>
        <span className="form-hint">Stikprøven er trukket, så skabelonen og afsnittene ligger fast.</span>
      </div>
    );
  }

  return (
    <>
      <div className={`form-group${error ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="tilsyn-skabelonVersionId">
          Skabelon
        </label>
        <span className="form-hint" id="tilsyn-skabelon-hint">
          Spørgsmålene, der besvares for hver sag. Tilsynet beholder den valgte version, selv om skabelonen ændres
          senere.
        </span>
        {error && (
          <span className="form-error-message" id="tilsyn-skabelonVersionId-error">
            <span className="sr-only">Fejl: </span>
            {error}
          </span>
        )}
        {loadError && <span className="form-error-message">{loadError}</span>}
        <select
          id="tilsyn-skabelonVersionId"
          className="form-select input-wide"
          value={versionId ?? ''}
          aria-describedby={`tilsyn-skabelon-hint${error ? ' tilsyn-skabelonVersionId-error' : ''}`}
          aria-invalid={Boolean(error)}
          onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined, null)}
        >
          <option value="">Vælg skabelon</option>
          {choices.map(({ template, version }) => (
            <option key={version.id} value={version.id}>
              {template.name} – version {version.nummer} ({AREA_LABELS[template.area]}, {version.antalSpoergsmaal}{' '}
              spørgsmål)
            </option>
          ))}
        </select>
      </div>

      {versionId && sections.length > 0 && (
        <fieldset className={`form-group${errors.afsnit ? ' form-error' : ''}`}>
          <legend className="form-label">Afsnit</legend>
          {errors.afsnit && <span className="form-error-message">{errors.afsnit}</span>}
          <Choice
            type="radio"
            id="tilsyn-afsnit-alle"
            name="tilsyn-afsnit"
            checked={afsnit === null}
            onChange={() => onChange(versionId, null)}
          >
            Alle afsnit (overordnet tilsyn)
          </Choice>
          <Choice
            type="radio"
            id="tilsyn-afsnit-udvalgte"
            name="tilsyn-afsnit"
            checked={afsnit !== null}
            // None ticked: a tematiseret tilsyn is the few afsnit the leader picks, not all of them less some.
            onChange={() => onChange(versionId, [])}
          >
            Kun udvalgte afsnit (tematiseret tilsyn)
          </Choice>
          {afsnit !== null && (
            <div className="afsnit-choice">
              <p className="form-hint">Sæt flueben ved de afsnit, tilsynet skal gennemgå.</p>
              {sections.map((s) => (
                <Choice
                  key={s.key}
                  type="checkbox"
                  id={`tilsyn-afsnit-${s.key}`}
                  checked={afsnit.includes(s.key)}
                  onChange={(checked) =>
                    onChange(
                      versionId,
                      sections.map((x) => x.key).filter((k) => (k === s.key ? checked : afsnit.includes(k))),
                    )
                  }
                >
                  {s.title}
                </Choice>
              ))}
            </div>
          )}
        </fieldset>
      )}
    </>
  );
}
