import { notFound } from '../shared/api/errors';
import {
  type Action,
  type ActionListItem,
  type ActionStatus,
  type DialogRecord,
  EMPTY_DIALOG,
  type Finding,
  type FindingKind,
  isOverdue,
} from '../shared/domain/findings';
import type { TilsynDatabase } from './open';

interface RawAction {
  id: number;
  sag_id: number;
  tekst: string;
  ansvarlig: string;
  frist: string | null;
  status: ActionStatus;
  spoergsmaal: string | null;
}

const toAction = (r: RawAction): Action => ({
  id: r.id,
  text: r.tekst,
  ansvarlig: r.ansvarlig,
  frist: r.frist,
  status: r.status,
  questionKey: r.spoergsmaal,
});

export type ActionFields = Omit<Action, 'id'>;

/** Findings (styrker, læringspunkter, …), handlinger and the dialogue record of each sag. */
export function createFindingsStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { sqlite } = db;
  const findingsOf = sqlite.prepare<
    [number],
    { id: number; art: FindingKind; tekst: string; spoergsmaal: string | null }
  >('SELECT id, art, tekst, spoergsmaal FROM fund WHERE sag_id = ? ORDER BY id');
  const oneFinding = sqlite.prepare<
    [number],
    { sag_id: number; art: FindingKind; tekst: string; spoergsmaal: string | null }
  >('SELECT sag_id, art, tekst, spoergsmaal FROM fund WHERE id = ?');
  const actionsOf = sqlite.prepare<[number], RawAction>('SELECT * FROM handling WHERE sag_id = ? ORDER BY id');
  const oneAction = sqlite.prepare<[number], RawAction>('SELECT * FROM handling WHERE id = ?');
  const dialogOf = sqlite.prepare<[number], { dialog: string }>('SELECT dialog FROM sag WHERE id = ?');

  function requireFinding(id: number) {
    const row = oneFinding.get(id);
    if (!row) throw notFound('Punktet', 'det');
    return row;
  }
  function requireAction(id: number): RawAction {
    const row = oneAction.get(id);
    if (!row) throw notFound('Handlingen', 'den');
    return row;
  }

  return {
    findings(sagId: number): Finding[] {
      return findingsOf.all(sagId).map((r) => ({ id: r.id, kind: r.art, text: r.tekst, questionKey: r.spoergsmaal }));
    },
    findingSag: (id: number) => requireFinding(id).sag_id,
    addFinding(sagId: number, kind: FindingKind, text: string, questionKey: string | null): void {
      sqlite
        .prepare('INSERT INTO fund (sag_id, art, tekst, spoergsmaal, oprettet) VALUES (?, ?, ?, ?, ?)')
        .run(sagId, kind, text, questionKey, now().toISOString());
    },
    /** Returns the finding before the change. */
    updateFinding(id: number, text: string, questionKey: string | null): { text: string; questionKey: string | null } {
      const before = requireFinding(id);
      sqlite.prepare('UPDATE fund SET tekst = ?, spoergsmaal = ? WHERE id = ?').run(text, questionKey, id);
      return { text: before.tekst, questionKey: before.spoergsmaal };
    },
    deleteFinding(id: number): { kind: FindingKind; text: string } {
      const before = requireFinding(id);
      sqlite.prepare('DELETE FROM fund WHERE id = ?').run(id);
      return { kind: before.art, text: before.tekst };
    },

    actions(sagId: number): Action[] {
      return actionsOf.all(sagId).map(toAction);
    },
    action: (id: number) => {
      const raw = requireAction(id);
      return { sagId: raw.sag_id, action: toAction(raw) };
    },
    addAction(sagId: number, fields: ActionFields): void {
      const at = now().toISOString();
      sqlite
        .prepare(
          `INSERT INTO handling (sag_id, tekst, ansvarlig, frist, status, spoergsmaal, oprettet, aendret)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(sagId, fields.text, fields.ansvarlig, fields.frist, fields.status, fields.questionKey, at, at);
    },
    updateAction(id: number, fields: ActionFields): void {
      requireAction(id);
      sqlite
        .prepare(
          'UPDATE handling SET tekst = ?, ansvarlig = ?, frist = ?, status = ?, spoergsmaal = ?, aendret = ? WHERE id = ?',
        )
        .run(fields.text, fields.ansvarlig, fields.frist, fields.status, fields.questionKey, now().toISOString(), id);
    },
    deleteAction(id: number): void {
      requireAction(id);
      sqlite.prepare('DELETE FROM handling WHERE id = ?').run(id);
    },

    /** Every handling of every tilsyn's sampled sager, oldest deadline first; those without a deadline last. */
    allActions(todayIso: string): ActionListItem[] {
      const rows = sqlite
        .prepare<
          [],
          RawAction & { tilsyn_id: number; titel: string; sagsnummer: string; sagsbehandler: string | null }
        >(
          `SELECT h.*, t.id AS tilsyn_id, t.titel, s.sagsnummer, p.sagsbehandler
           FROM handling h JOIN sag s ON s.id = h.sag_id JOIN tilsyn t ON t.id = s.tilsyn_id
           LEFT JOIN population_sag p ON p.id = s.population_sag_id
           ORDER BY h.frist IS NULL, h.frist, t.periode_fra, s.sagsnummer, h.id`,
        )
        .all();
      return rows.map((r) => {
        const action = toAction(r);
        return {
          ...action,
          origin: 'sag' as const,
          krav: null,
          tilsynId: r.tilsyn_id,
          tilsynTitel: r.titel,
          sagId: r.sag_id,
          sagsnummer: r.sagsnummer,
          sagsbehandler: r.sagsbehandler ?? '',
          overdue: isOverdue(action, todayIso),
        };
      });
    },

    dialog(sagId: number): DialogRecord {
      const raw = dialogOf.get(sagId);
      return { ...EMPTY_DIALOG, ...(raw ? (JSON.parse(raw.dialog) as Partial<DialogRecord>) : {}) };
    },
    saveDialog(sagId: number, dialog: DialogRecord): void {
      sqlite.prepare('UPDATE sag SET dialog = ? WHERE id = ?').run(JSON.stringify(dialog), sagId);
    },
  };
}

export type FindingsStore = ReturnType<typeof createFindingsStore>;
