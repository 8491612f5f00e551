import type { ApprovalStore } from '../../../db/second-review-store';
import { ApiError } from '../../../shared/api/errors';
import { formatDanishDate, localDateOf } from '../../../shared/domain/dates';
import type { ApprovalView } from '../../../shared/domain/second-review';
import { samePerson } from '../../../shared/domain/second-review';
import { isLocked } from '../../../shared/domain/tilsyn';
import type { SecondReview } from './second-review';
import type { Stores } from './stores';

/**
 * Sign-off (issue #16): a round can require a named person's approval before its report is marked as sent. The
 * approval is of the round as it was locked: a genåbning and a new locking need it again. It is logged, and the
 * committee report's method section says it was given.
 */
export function createSignOff(
  stores: Stores,
  approvals: ApprovalStore,
  secondReview: SecondReview,
  openComments: (tilsynId: number) => number,
) {
  const now = () => new Date().toISOString();

  function status(tilsynId: number): ApprovalView | null {
    const t = stores.requireTilsyn(tilsynId);
    const row = approvals.get(tilsynId);
    if (!row) return null;
    const given = row.godkendtAf && row.godkendtTid ? { af: row.godkendtAf, tid: row.godkendtTid } : null;
    const gyldig =
      given !== null &&
      isLocked(t) &&
      row.afslutningId !== null &&
      row.afslutningId === approvals.latestLocking(tilsynId);
    return { godkender: row.godkender, godkendt: given, gyldig };
  }

  return {
    status,

    /** Sets (or with null lets go of) who must approve; refused once the report is sent. */
    setApprover(tilsynId: number, godkender: string | null, navn: string): ApprovalView | null {
      const t = stores.requireTilsyn(tilsynId);
      if (t.sendt)
        throw new ApiError('CONFLICT', 'Rapporten er allerede sendt til udvalget; godkendelsen kan ikke ændres nu.');
      if (isLocked(t) && approvals.get(tilsynId))
        throw new ApiError('CONFLICT', 'Tilsynet er afsluttet. Genåbn det for at ændre, hvem der godkender runden.');
      if (godkender && samePerson(godkender, navn))
        throw new ApiError('VALIDATION', 'Runden godkendes af en anden end den, der kræver godkendelsen.');
      // The approver's name is printed in the public report: never one of the round's caseworkers.
      if (
        godkender &&
        stores.answers.sager(tilsynId).some((s) => s.sagsbehandler && samePerson(s.sagsbehandler, godkender))
      )
        throw new ApiError('VALIDATION', `${godkender} er sagsbehandler i runden og kan ikke godkende den.`);
      stores.db.sqlite.transaction(() => {
        approvals.setApprover(tilsynId, godkender);
        stores.closing.recordQuality(
          tilsynId,
          navn,
          godkender ? `Rapporten skal godkendes af ${godkender}, før den sendes` : 'Rapporten skal ikke godkendes',
        );
      })();
      return status(tilsynId);
    },

    /** The named person approves the locked round: nothing of the second review may be left unsettled. */
    approve(tilsynId: number, navn: string): ApprovalView | null {
      const t = stores.requireTilsyn(tilsynId);
      const row = approvals.get(tilsynId);
      if (!row) throw new ApiError('CONFLICT', `»${t.titel}« skal ikke godkendes.`);
      if (!samePerson(row.godkender, navn))
        throw new ApiError('VALIDATION', `Runden skal godkendes af ${row.godkender}.`);
      if (!isLocked(t)) throw new ApiError('CONFLICT', 'Afslut tilsynet under 4. Gennemgang, før runden godkendes.');
      const second = secondReview.view(tilsynId);
      const unfinished = second?.sager.filter((x) => !x.faerdig).length ?? 0;
      if (unfinished > 0)
        throw new ApiError(
          'CONFLICT',
          `${unfinished === 1 ? 'Én sag' : `${unfinished} sager`} mangler stadig den anden gennemgang (${second?.bedoemmer}). Gør den færdig først (genåbn tilsynet), eller lad den udgå af den anden gennemgang ved at sætte den op igen.`,
        );
      const open = second?.open ?? 0;
      if (open > 0)
        throw new ApiError(
          'CONFLICT',
          `${open === 1 ? 'Én forskellig vurdering' : `${open} forskellige vurderinger`} fra den anden gennemgang mangler en afgørelse. Afgør ${open === 1 ? 'den' : 'dem'} først (genåbn tilsynet).`,
        );
      const comments = openComments(tilsynId);
      if (comments > 0)
        throw new ApiError(
          'CONFLICT',
          `${comments === 1 ? 'Én kommentar' : `${comments} kommentarer`} til sagernes spørgsmål er ikke løst. Arbejd ${comments === 1 ? 'den' : 'dem'} igennem først (genåbn tilsynet).`,
        );
      const locking = approvals.latestLocking(tilsynId);
      if (locking === undefined) throw new ApiError('CONFLICT', 'Afslut tilsynet, før runden godkendes.');
      stores.db.sqlite.transaction(() => {
        approvals.approve(tilsynId, navn, now(), locking);
        stores.closing.recordQuality(tilsynId, navn, 'Runden er godkendt');
      })();
      return status(tilsynId);
    },

    /** Refuses to mark the report as sent while an approval it needs is missing. */
    requireApproved(tilsynId: number): void {
      const s = status(tilsynId);
      if (s && !s.gyldig)
        throw new ApiError(
          'CONFLICT',
          `Rapporten kan ikke markeres som sendt, før ${s.godkender} har godkendt runden${s.godkendt ? ' igen (den er genåbnet, siden den blev godkendt)' : ''}. Det gøres under 4. Gennemgang › Kvalitetssikring.`,
        );
    },

    /** »Runden er godkendt af Jens Hansen 12.04.2026.« for the method section, or null. */
    approvalLine(tilsynId: number): string | null {
      const s = status(tilsynId);
      return s?.gyldig && s.godkendt
        ? `Runden er godkendt af ${s.godkender} ${formatDanishDate(localDateOf(s.godkendt.tid))}.`
        : null;
    },
  };
}

export type SignOff = ReturnType<typeof createSignOff>;
