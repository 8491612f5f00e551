import type { LogEntry, LogKind } from '../shared/domain/closing';
import { formatDanishDate } from '../shared/domain/dates';
import { isLocked, type TilsynStatus } from '../shared/domain/tilsyn';
import type { TilsynDatabase } from './open';

interface RawLog {
  id: number;
  art: LogKind;
  tidspunkt: string;
  hvem: string;
  sagsnummer: string | null;
  hvad: string;
  gammel: string | null;
  ny: string | null;
  hvorfor: string;
}

/**
 * Locking and reopening a tilsyn, and its change log. Once a tilsyn has been reopened, every change to its
 * review is logged with the name and reason given at the latest reopening.
 */
export function createClosingStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const insert = sqlite.prepare(
    `INSERT INTO tilsyn_log (tilsyn_id, art, tidspunkt, hvem, sagsnummer, hvad, gammel, ny, hvorfor)
     VALUES (@tilsynId, @art, @at, @who, @sagsnummer, @what, @oldValue, @newValue, @why)`,
  );
  const latestReopening = sqlite.prepare<[number], { hvem: string; hvorfor: string }>(
    "SELECT hvem, hvorfor FROM tilsyn_log WHERE tilsyn_id = ? AND art = 'genaabnet' ORDER BY id DESC LIMIT 1",
  );
  const statusOf = sqlite.prepare<[number], { status: TilsynStatus }>('SELECT status FROM tilsyn WHERE id = ?');
  const entries = sqlite.prepare<[number], RawLog>(
    'SELECT id, art, tidspunkt, hvem, sagsnummer, hvad, gammel, ny, hvorfor FROM tilsyn_log WHERE tilsyn_id = ? ORDER BY id',
  );

  return {
    close(tilsynId: number, name: string, date: string): void {
      sqlite.transaction(() => {
        sqlite
          .prepare(
            "UPDATE tilsyn SET status = 'afsluttet', afsluttet_af = ?, afsluttet_dato = ?, aendret = ? WHERE id = ?",
          )
          .run(name, date, now().toISOString(), tilsynId);
        insert.run({
          tilsynId,
          art: 'afsluttet',
          at: now().toISOString(),
          who: name,
          sagsnummer: null,
          what: `Tilsynet afsluttet pr. ${formatDanishDate(date)}`,
          oldValue: null,
          newValue: null,
          why: '',
        });
      })();
    },

    reopen(tilsynId: number, name: string, reason: string): void {
      sqlite.transaction(() => {
        sqlite
          .prepare(
            "UPDATE tilsyn SET status = 'i_gang', afsluttet_af = NULL, afsluttet_dato = NULL, aendret = ? WHERE id = ?",
          )
          .run(now().toISOString(), tilsynId);
        // The report sent to the udvalg is kept, but no longer locks the texts: a new one can be sent.
        sqlite.prepare('UPDATE udvalg_afsendelse SET gaeldende = 0 WHERE tilsyn_id = ?').run(tilsynId);
        insert.run({
          tilsynId,
          art: 'genaabnet',
          at: now().toISOString(),
          who: name,
          sagsnummer: null,
          what: 'Tilsynet genåbnet',
          oldValue: null,
          newValue: null,
          why: reason,
        });
      })();
    },

    /** Logs that the committee report was sent to the udvalg (and which bytes: the sha256). */
    recordSending(tilsynId: number, who: string, what: string): void {
      insert.run({
        tilsynId,
        art: 'sendt',
        at: now().toISOString(),
        who,
        sagsnummer: null,
        what,
        oldValue: null,
        newValue: null,
        why: '',
      });
    },

    /** Logs a step of the quality assurance (issue #16): a second review set up, a disagreement moderated. */
    recordQuality(tilsynId: number, who: string, what: string, sagsnummer: string | null = null): void {
      insert.run({
        tilsynId,
        art: 'kvalitet',
        at: now().toISOString(),
        who,
        sagsnummer,
        what,
        oldValue: null,
        newValue: null,
        why: '',
      });
    },

    /** Logs a change when the tilsyn has been reopened; before any reopening the review is simply work in progress. */
    recordChange(
      tilsynId: number,
      change: { sagsnummer: string; what: string; oldValue: string | null; newValue: string | null },
    ): void {
      if (change.oldValue === change.newValue) return;
      const reopening = latestReopening.get(tilsynId);
      if (!reopening) return;
      insert.run({
        tilsynId,
        art: 'aendring',
        at: now().toISOString(),
        who: reopening.hvem,
        why: reopening.hvorfor,
        ...change,
      });
    },

    /** Logs a follow-up on a handling (or a krav's plan: no sag) when the tilsyn is locked or has been reopened. */
    recordFollowUp(
      tilsynId: number,
      change: { sagsnummer: string | null; what: string; oldValue: string | null; newValue: string | null },
    ): void {
      // While locked nobody has given a name; after a reopening the reopener's name and reason apply.
      const owner = statusOf.get(tilsynId);
      const locked = owner !== undefined && isLocked(owner);
      const reopening = latestReopening.get(tilsynId);
      if ((!locked && !reopening) || change.oldValue === change.newValue) return;
      const by = locked
        ? { who: '', why: 'Opfølgning efter afslutning' }
        : { who: reopening?.hvem ?? '', why: reopening?.hvorfor ?? '' };
      insert.run({ tilsynId, art: 'aendring', at: now().toISOString(), ...by, ...change });
    },

    log(tilsynId: number): LogEntry[] {
      return entries.all(tilsynId).map((r) => ({
        id: r.id,
        kind: r.art,
        at: r.tidspunkt,
        who: r.hvem,
        sagsnummer: r.sagsnummer,
        what: r.hvad,
        oldValue: r.gammel,
        newValue: r.ny,
        why: r.hvorfor,
      }));
    },
  };
}

export type ClosingStore = ReturnType<typeof createClosingStore>;
