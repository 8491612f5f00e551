import { ApiError } from '../../shared/api/errors';
import { formatDanishDate } from '../../shared/domain/dates';
import { ACTION_STATUS_LABELS, type Action, FINDING_LABELS } from '../../shared/domain/findings';
import { templateNumbers } from '../../shared/domain/numbering';
import { numberedMissing } from '../../shared/domain/review-progress';
import { SAG_STATUS_LABELS } from '../../shared/domain/tilsyn';
import { type NamespaceHandlers, refuseCprInRecord } from './dispatch';
import type { Services } from './services';
import { findQuestion } from './services/template-questions';

/** How an action reads in the change log. */
function describeAction(a: Omit<Action, 'id'>): string {
  const frist = a.frist ? `, frist ${formatDanishDate(a.frist)}` : '';
  const ansvarlig = a.ansvarlig ? `, ansvarlig ${a.ansvarlig}` : '';
  return `${a.text} (${ACTION_STATUS_LABELS[a.status]}${ansvarlig}${frist})`;
}

/** The fields a patch sets: `undefined` means "leave as it is", unlike `null`. */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The review of each sampled sag: answers and dates saved as they are given, completion, the findings and
 * handlinger of a sag, and the dialogue record. Every change goes through review.change (one transaction, logged
 * after a reopening).
 */
export function gennemgangApi({ stores, review }: Services): NamespaceHandlers<'gennemgang'> {
  const { answers, findings } = stores;

  /** A finding or handling may be about one of the template's questions, or about none (null). */
  function requireQuestionOrNone(tilsynId: number, key: string | null): void {
    if (key !== null) review.requireQuestion(tilsynId, key);
  }

  return {
    'gennemgang.sager': ({ tilsynId }) => {
      const template = review.templateOf(tilsynId);
      return answers.sager(tilsynId).map((sag) => {
        const { importedDates: _, enteredDates: __, tilsynId: ___, ...facts } = sag;
        const progress =
          sag.status === 'udgaaet'
            ? { applicable: 0, answered: 0, missing: [] }
            : review.progressOf(sag, template, answers.answers(sag.id));
        return { ...facts, progress };
      });
    },
    'gennemgang.sag': ({ sagId }) => review.review(sagId),
    'gennemgang.svar': (input) => review.answer(input),
    'gennemgang.dato': ({ sagId, key, date }) => review.date(sagId, key, date),
    'gennemgang.faerdig': ({ sagId }) => {
      answers.requireReviewable(sagId);
      const current = review.review(sagId);
      if (current.sag.status === 'faerdig') return current;
      if (current.progress.missing.length > 0) {
        const numbers = templateNumbers(current.content, current.sectionKeys);
        throw new ApiError(
          'VALIDATION',
          `Sagen kan ikke markeres som færdig endnu. Der mangler:\n${current.progress.missing.map((m) => `• ${numberedMissing(m, numbers)}`).join('\n')}`,
        );
      }
      return review.change(sagId, () => {
        answers.setStatus(sagId, 'faerdig');
        return [{ what: 'Sagens status', oldValue: SAG_STATUS_LABELS.i_gang, newValue: SAG_STATUS_LABELS.faerdig }];
      });
    },

    'gennemgang.fund': ({ sagId, kind, text, questionKey }) =>
      review.change(sagId, (sag) => {
        requireQuestionOrNone(sag.tilsynId, questionKey);
        findings.addFinding(sagId, kind, text, questionKey);
        return [{ what: `${FINDING_LABELS[kind].one} tilføjet`, oldValue: null, newValue: text }];
      }),
    'gennemgang.fundRet': ({ id, text, questionKey }) =>
      review.change(findings.findingSag(id), (sag) => {
        requireQuestionOrNone(sag.tilsynId, questionKey);
        const before = findings.updateFinding(id, text, questionKey);
        const { content } = review.templateOf(sag.tilsynId);
        const question = (key: string | null) => (key ? (findQuestion(content, key)?.text ?? key) : null);
        return [
          { what: 'Punkt rettet', oldValue: before.text, newValue: text },
          { what: 'Punktets spørgsmål', oldValue: question(before.questionKey), newValue: question(questionKey) },
        ];
      }),
    'gennemgang.fundSlet': ({ id }) =>
      review.change(findings.findingSag(id), () => {
        const before = findings.deleteFinding(id);
        return [{ what: `${FINDING_LABELS[before.kind].one} slettet`, oldValue: before.text, newValue: null }];
      }),

    'gennemgang.handling': ({ sagId, ...fields }) =>
      review.change(sagId, (sag) => {
        requireQuestionOrNone(sag.tilsynId, fields.questionKey);
        findings.addAction(sagId, fields);
        return [{ what: 'Handling tilføjet', oldValue: null, newValue: describeAction(fields) }];
      }),
    'gennemgang.handlingRet': ({ id, ...patch }) => {
      const { sagId, action } = findings.action(id);
      const { id: _, ...current } = action;
      const next = { ...current, ...definedOnly(patch) };
      return review.change(sagId, (sag) => {
        requireQuestionOrNone(sag.tilsynId, next.questionKey);
        refuseCprInRecord(next);
        findings.updateAction(id, next);
        return [{ what: 'Handling rettet', oldValue: describeAction(current), newValue: describeAction(next) }];
      });
    },
    'gennemgang.handlingSlet': ({ id }) => {
      const { sagId, action } = findings.action(id);
      return review.change(sagId, () => {
        findings.deleteAction(id);
        return [{ what: 'Handling slettet', oldValue: describeAction(action), newValue: null }];
      });
    },

    'gennemgang.dialog': ({ sagId, ...patch }) =>
      review.change(sagId, (sag) => {
        if (review.templateOf(sag.tilsynId).tilsyn.form !== 'dialogbaseret')
          throw new ApiError('VALIDATION', 'Samtalen registreres kun i en dialogbaseret sagsgennemgang.');
        const before = findings.dialog(sagId);
        const dialog = { ...before, ...definedOnly(patch) };
        refuseCprInRecord(dialog);
        findings.saveDialog(sagId, dialog);
        const changes = [
          {
            what: 'Samtalens dato',
            oldValue: before.dato && formatDanishDate(before.dato),
            newValue: dialog.dato && formatDanishDate(dialog.dato),
          },
          { what: 'Deltagere', oldValue: before.deltagere || null, newValue: dialog.deltagere || null },
          {
            what: 'Sagsbehandlerens refleksioner',
            oldValue: before.refleksioner || null,
            newValue: dialog.refleksioner || null,
          },
        ];
        return changes.filter((c) => c.oldValue !== c.newValue);
      }),
  };
}
