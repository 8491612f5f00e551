import { useEffect, useRef, useState } from 'react';
import { templateNumbers } from '../../../shared/domain/numbering';
import { answerLabel, type ReviewRole, type SagReview } from '../../../shared/domain/review';
import { countsInProgress, reviewProgress } from '../../../shared/domain/review-progress';
import { applicableQuestions } from '../../../shared/domain/rules';
import type { TilsynSummary } from '../../../shared/domain/tilsyn';
import { Alert } from '../components/Alert';
import { SagComments } from '../kvalitet/SagComments';
import { TilsynLayout } from '../tilsyn/TilsynLayout';
import { ActionList } from './ActionList';
import { DialogPanel } from './DialogPanel';
import { FindingList } from './FindingList';
import type { QuestionRef } from './QuestionLink';
import './gennemgang.css';
import { anchorId } from './navigation';
import { ReviewPanel, type SectionState } from './ReviewPanel';
import { ReviewQuestion } from './ReviewQuestion';
import { RuleDatesNotice } from './RuleDatesNotice';
import { Disagreements, RoleSwitch } from './SelfEvaluation';
import { useSagReviewData } from './useGennemgangData';
import { useReviewKeys } from './useReviewKeys';

export function SagReviewScreen({ id, sagId }: { id: number; sagId: number }) {
  return (
    <TilsynLayout id={id} step="gennemgang">
      {(tilsyn, reload) => <SagReviewView key={sagId} tilsyn={tilsyn} sagId={sagId} onStatus={reload} />}
    </TilsynLayout>
  );
}

/** Selvevaluering først starts with the caseworker; once the leader has begun, with the leader. */
function defaultRole(review: SagReview): ReviewRole {
  return Object.keys(review.answers).length === 0 ? 'sagsbehandler' : 'leder';
}

/** One sag: its facts and dates beside the template's questions, findings and actions; every change saved at once. */
function SagReviewView({ tilsyn, sagId, onStatus }: { tilsyn: TilsynSummary; sagId: number; onStatus(): void }) {
  const data = useSagReviewData(tilsyn.id, sagId);
  const { review, loadError, save, undo, retry, lastUndo, siblings } = data;
  // The step bar counts sager begun and færdige: told when this one's status changes (its first answer, færdig).
  const status = review?.sag.status;
  const shownStatus = useRef(status);
  useEffect(() => {
    if (status !== undefined && shownStatus.current !== undefined && status !== shownStatus.current) onStatus();
    shownStatus.current = status;
  }, [status, onStatus]);
  const [chosenRole, setRole] = useState<ReviewRole>();
  const [showShortcuts, setShowShortcuts] = useState(false);
  // The questions U jumps to: those the person answering now (leader or caseworker) has left.
  const missingKeys = useRef<string[]>([]);
  // Which questions showed before: one an answer brings in is marked and announced, not slipped in unseen.
  const seen = useRef<{ list: string; keys: Set<string> | null; fresh: Set<string> }>({
    list: '',
    keys: null,
    fresh: new Set(),
  });

  useReviewKeys({
    missingKeys: () => missingKeys.current,
    onUndo: undo,
    onToggleHelp: () => setShowShortcuts((v) => !v),
  });

  if (loadError)
    return (
      <Alert kind="error">
        <p className="alert-text">{loadError}</p>
      </Alert>
    );
  if (!review) return <p>Henter sagen …</p>;

  const locked = review.locked || review.sag.status === 'udgaaet';
  const selfEvaluation = review.form === 'selvevaluering_foerst';
  const role = selfEvaluation ? (chosenRole ?? defaultRole(review)) : 'leder';
  const shown = role === 'leder' ? review.answers : review.caseworkerAnswers;
  const values = Object.fromEntries(Object.entries(shown).map(([k, a]) => [k, a.value]));
  const sections = applicableQuestions(
    review.content,
    { sagstype: review.sag.sagstype, answers: values, dates: review.dates },
    review.sectionKeys ?? undefined,
  );
  const numbers = templateNumbers(review.content, review.sectionKeys);
  const questionRefs: QuestionRef[] = sections.flatMap(({ questions }) =>
    questions.map((q) => ({ key: q.key, label: `${numbers.question(q.key)} ${q.text}` })),
  );
  const numberOf = numbers.question;
  const keyList = `${role}:${questionRefs.map((q) => q.key).join('|')}`;
  if (seen.current.list !== keyList) {
    const before = seen.current.list.split(':')[0] === role ? seen.current.keys : null;
    const keys = new Set(questionRefs.map((q) => q.key));
    seen.current = { list: keyList, keys, fresh: new Set(before ? [...keys].filter((k) => !before.has(k)) : []) };
  }
  const fresh = questionRefs.filter((q) => seen.current.fresh.has(q.key));
  const findingHandlers = data.findings;
  const caseworkerProgress = selfEvaluation
    ? reviewProgress({
        content: review.content,
        sectionKeys: review.sectionKeys,
        sagstype: review.sag.sagstype,
        answers: review.caseworkerAnswers,
        dates: review.dates,
      })
    : undefined;
  missingKeys.current = (role === 'leder' ? review.progress : (caseworkerProgress ?? review.progress)).missing.map(
    (m) => m.key,
  );

  const missingSet = new Set(missingKeys.current);
  // Counted as the progress at the top counts them: an optional free-text question is not (found by a leader's try).
  const sectionStates: SectionState[] = sections.map(({ section, questions }) => ({
    key: section.key,
    label: `${numbers.section(section.key)}. ${section.title}`,
    questions: questions.filter(countsInProgress).length,
    missing: questions.filter((q) => missingSet.has(q.key)).length,
  }));

  return (
    <div className="review-layout">
      <ReviewPanel
        sections={sectionStates}
        numbers={numbers}
        tilsynId={tilsyn.id}
        review={review}
        siblings={siblings}
        locked={locked}
        save={save}
        lastUndo={lastUndo}
        showShortcuts={showShortcuts}
        onDate={(key, date) => {
          const label = review.content.dateFields.find((f) => f.key === key)?.label ?? key;
          data.date(key, date, `Dato: ${label}`);
        }}
        onFinish={data.finish}
        onUndo={undo}
        onRetry={retry}
        onToggleShortcuts={() => setShowShortcuts((v) => !v)}
      />
      <div className="review-questions">
        <p className="sr-only" aria-live="polite">
          {fresh.length === 1
            ? `Nyt spørgsmål efter dit svar: ${fresh[0]?.label}`
            : fresh.length > 1
              ? `${fresh.length} nye spørgsmål efter dit svar: ${fresh.map((q) => q.label).join('; ')}`
              : ''}
        </p>
        {locked && (
          <Alert kind="info">
            <p className="alert-text">
              {review.sag.status === 'udgaaet'
                ? 'Sagen er udgået af stikprøven.'
                : 'Tilsynet er afsluttet og låst; gennemgangen kan ses, men ikke ændres.'}
            </p>
          </Alert>
        )}
        {!locked && <RuleDatesNotice missing={review.progress.missing} fields={review.content.dateFields} />}
        {caseworkerProgress && (
          <RoleSwitch
            role={role}
            caseworker={review.sag.sagsbehandler}
            caseworkerProgress={caseworkerProgress}
            onChange={setRole}
          />
        )}
        {selfEvaluation && role === 'leder' && (
          <Disagreements
            items={review.disagreements}
            findings={review.findings}
            numberOf={numberOf}
            disabled={locked}
            onMakeLearningPoint={(d) =>
              findingHandlers.onAdd({
                kind: 'laeringspunkt',
                questionKey: d.key,
                text: `Forskellig vurdering: sagsbehandleren svarede »${d.caseworker}«, lederen »${d.leader}«.`,
              })
            }
          />
        )}
        {selfEvaluation && review.dialog.refleksioner && (
          <section className="review-block" aria-labelledby="egne-refleksioner">
            <h2 id="egne-refleksioner">Sagsbehandlerens refleksioner</h2>
            <p className="form-hint">Skrevet af sagsbehandleren i sin selvevaluering.</p>
            <p className="prewrap">{review.dialog.refleksioner}</p>
          </section>
        )}
        {review.form === 'dialogbaseret' && (
          <DialogPanel
            dialog={review.dialog}
            findings={review.findings}
            questions={questionRefs}
            disabled={locked}
            onSave={data.dialog}
            {...findingHandlers}
          />
        )}
        {sections.map(({ section, questions }) => (
          <section key={section.key} className="review-section" aria-labelledby={`afsnit-${section.key}`}>
            <h2 id={`afsnit-${section.key}`}>
              {numbers.section(section.key)}. {section.title}
            </h2>
            {selfEvaluation && (
              <p className="role-label">{role === 'sagsbehandler' ? 'Sagsbehandlerens svar' : 'Lederens svar'}</p>
            )}
            {questions.map((q) => {
              const other = role === 'leder' && selfEvaluation ? review.caseworkerAnswers[q.key] : undefined;
              return (
                <div
                  key={q.key}
                  id={anchorId(q.key)}
                  className={`review-question-anchor${seen.current.fresh.has(q.key) ? ' review-question-new' : ''}`}
                >
                  {seen.current.fresh.has(q.key) && <p className="new-question-tag">Nyt spørgsmål efter dit svar</p>}
                  <ReviewQuestion
                    number={numbers.question(q.key)}
                    question={q}
                    answer={shown[q.key]}
                    role={selfEvaluation ? role : undefined}
                    caseworkerAnswer={
                      other && {
                        label: answerLabel(q, other, review.dates),
                        differs: review.disagreements.some((d) => d.key === q.key),
                      }
                    }
                    dates={review.dates}
                    dateFields={review.content.dateFields}
                    disabled={locked}
                    onSave={(change) =>
                      data.answer(q.key, role, change, `Svar på spørgsmål ${numbers.question(q.key)}`)
                    }
                  />
                </div>
              );
            })}
          </section>
        ))}
        <section className="review-block" aria-labelledby="laering">
          <h2 id="laering">Læring fra sagen</h2>
          <p className="form-hint">
            Hvad gør sagsbehandleren godt, hvad kan vi lære, og hvad skal vi holde øje med? Punkterne indgår i
            tilbagemeldingen til sagsbehandleren.
          </p>
          {(['styrke', 'laeringspunkt', 'opmaerksomhedspunkt'] as const).map((kind) => (
            <FindingList
              key={kind}
              kind={kind}
              findings={review.findings}
              questions={questionRefs}
              disabled={locked}
              {...findingHandlers}
            />
          ))}
        </section>
        <section className="review-block" aria-labelledby="handlinger">
          <h2 id="handlinger">Handlinger i sagen</h2>
          <p className="form-hint">
            Hvad skal rettes i netop denne sag, hvem gør det, og hvornår? Åbne handlinger følges op på tværs af tilsyn
            under »Handlinger« i menuen.
          </p>
          <ActionList actions={review.actions} questions={questionRefs} disabled={locked} {...data.actions} />
        </section>
        <SagComments tilsynId={tilsyn.id} sagId={sagId} questions={questionRefs} locked={locked} />
      </div>
    </div>
  );
}
