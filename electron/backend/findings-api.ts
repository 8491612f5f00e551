import { ApiError } from '../../shared/api/errors';
import { formatDanishDate, todayIso } from '../../shared/domain/dates';
import { ACTION_STATUS_LABELS, type Action, FINDING_LABELS } from '../../shared/domain/findings';
import type { Handlers } from './dispatch';
import type { Review } from './review';

type FindingsHandlers = Pick<
  Handlers,
  | 'gennemgang.fund'
  | 'gennemgang.fundRet'
  | 'gennemgang.fundSlet'
  | 'gennemgang.handling'
  | 'gennemgang.handlingRet'
  | 'gennemgang.handlingSlet'
  | 'gennemgang.dialog'
  | 'handlinger.list'
  | 'handlinger.status'
>;

/** How an action reads in the change log. */
function describeAction(a: Omit<Action, 'id'>): string {
  const frist = a.frist ? `, frist ${formatDanishDate(a.frist)}` : '';
  const ansvarlig = a.ansvarlig ? `, ansvarlig ${a.ansvarlig}` : '';
  return `${a.text} (${ACTION_STATUS_LABELS[a.status]}${ansvarlig}${frist})`;
}

/** Findings, handlinger and the dialogue record of a sag; and the follow-up list of handlinger across tilsyn. */
export function createFindingsHandlers(review: Review, today: () => string = todayIso): FindingsHandlers {
  const { findings } = review;

  function questionText(tilsynId: number, key: string): string | undefined {
    const { content } = review.templateOf(tilsynId);
    return content.sections.flatMap((s) => s.questions).find((q) => q.key === key)?.text;
  }
  function requireQuestion(tilsynId: number, key: string | null): void {
    if (key !== null && questionText(tilsynId, key) === undefined)
      throw new ApiError('VALIDATION', 'Spørgsmålet findes ikke i tilsynets skabelon.');
  }

  return {
    'gennemgang.fund': ({ sagId, kind, text, questionKey }) =>
      review.change(sagId, (sag) => {
        requireQuestion(sag.tilsynId, questionKey);
        findings.addFinding(sagId, kind, text, questionKey);
        return [{ what: `${FINDING_LABELS[kind].one} tilføjet`, oldValue: null, newValue: text }];
      }),
    'gennemgang.fundRet': ({ id, text, questionKey }) =>
      review.change(findings.findingSag(id), (sag) => {
        requireQuestion(sag.tilsynId, questionKey);
        const before = findings.updateFinding(id, text, questionKey);
        const question = (key: string | null) => (key ? (questionText(sag.tilsynId, key) ?? key) : null);
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
        requireQuestion(sag.tilsynId, fields.questionKey);
        findings.addAction(sagId, fields);
        return [{ what: 'Handling tilføjet', oldValue: null, newValue: describeAction(fields) }];
      }),
    'gennemgang.handlingRet': ({ id, ...patch }) => {
      const { sagId, action } = findings.action(id);
      const { id: _, ...current } = action;
      const next = { ...current, ...definedOnly(patch) };
      return review.change(sagId, (sag) => {
        requireQuestion(sag.tilsynId, next.questionKey);
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

    'handlinger.list': () => findings.allActions(today()),
    /**
     * Following up an action is allowed after the tilsyn is locked: the follow-up is the point of the action.
     * The change is written to the tilsyn's log.
     */
    'handlinger.status': ({ id, status }) => {
      review.transaction(() => {
        const { sagId, action } = findings.action(id);
        const sag = review.answers.sag(sagId);
        review.afslutning.recordFollowUp(sag.tilsynId, {
          sagsnummer: sag.sagsnummer,
          what: `Opfølgning på handling: ${action.text}`,
          oldValue: ACTION_STATUS_LABELS[action.status],
          newValue: ACTION_STATUS_LABELS[status],
        });
        findings.updateAction(id, { ...action, status });
      });
      const item = findings.allActions(today()).find((a) => a.id === id);
      if (!item) throw new ApiError('NOT_FOUND', 'Handlingen findes ikke (den kan være slettet).');
      return item;
    },
  };
}

/** The fields a patch sets: `undefined` means "leave as it is", unlike `null`. */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
