import type { CaseloadStore, KeptList as Kept, NewListSag } from '../../../db/caseload-store';
import { ApiError } from '../../../shared/api/errors';
import { formatDanishDate, todayIso } from '../../../shared/domain/dates';
import { formatCount } from '../../../shared/domain/format';
import {
  type CaseloadAggregate,
  type CaseloadView,
  type Counting,
  caseworkerLoads,
  computeFlow,
  type FlowTotals,
  type FlowView,
  flowTotals,
  hideMonths,
  type ListInfo,
  listsByMonth,
  loadFigures,
  type MonthRow,
  type MonthView,
  monthsBetween,
  nextMonth,
  publicMonths,
  publicTrend,
  summariseLoad,
} from '../../../shared/domain/sagsoverblik';
import type { Units } from './units';

const notFound = () => new ApiError('NOT_FOUND', 'Sagslisten findes ikke (den kan være slettet).');

/**
 * The sagsoverblik (issue #19): an enhed's kept sagslister, the flow between two of them, the months with their
 * stock, inflow and outflow, and the caseload per caseworker against the enhed's måltal.
 */
export function createCaseload(lists: CaseloadStore, units: Units) {
  function requireList(id: number): Kept {
    const list = lists.list(id);
    if (!list) throw notFound();
    return list;
  }

  /** Personer are counted only where both lists have a person column; else sager. */
  const countingFor = (wanted: Counting, ...of: Kept[]): Counting =>
    wanted === 'personer' && of.every((l) => l.figures.personer) ? 'personer' : 'sager';

  /** The totals between two lists: kept, or counted (and kept) while both lists still have their sager. */
  function totalsBetween(a: Kept, b: Kept, counting: Counting): FlowTotals | null {
    const kept = lists.flow(a.id, b.id, counting);
    if (kept) return kept;
    if (a.sagerSlettet || b.sagerSlettet) return null;
    const flow = computeFlow(
      lists.sager(a.id),
      lists.sager(b.id),
      counting,
      lists.earlierKeys(a.enhedId, a.dato, counting),
    );
    const totals = flowTotals(flow);
    lists.keepFlow(a.id, b.id, counting, totals);
    return totals;
  }

  const info = ({ figures: _, ...l }: Kept): ListInfo => l;

  /** Month by month over fra-til ('åååå-mm'): each month's list, the flow to the next, the caseload. */
  function months(enhedId: number, fra: string, til: string): MonthView {
    units.require(enhedId);
    const { maal, optaelling } = lists.settings(enhedId);
    const range = monthsBetween(fra, til);
    const all = lists.lists(enhedId);
    // The month after the last, for its inflow and outflow.
    const chosen = listsByMonth([...range, nextMonth(til)], all);
    let countedBySager = 0;
    const rows: MonthRow[] = range.map((maaned, i) => {
      const list = chosen[i];
      if (!list)
        return {
          maaned,
          counting: optaelling,
          liste: null,
          bestand: null,
          tilgang: null,
          afgang: null,
          kommetIgen: null,
          sagsbehandlere: null,
          udenSagsbehandler: null,
          load: null,
          efterSagsbehandlere: null,
        };
      const after = chosen[i + 1] ?? null;
      // A month is counted as its list allows; a flow only between two lists counted alike.
      const counting = countingFor(optaelling, list);
      if (counting !== optaelling) countedBySager++;
      const figures = counting === 'personer' && list.figures.personer ? list.figures.personer : list.figures.sager;
      const totals = after && countingFor(optaelling, after) === counting ? totalsBetween(list, after, counting) : null;
      return {
        maaned,
        counting,
        liste: { id: list.id, dato: list.dato },
        bestand: figures.antal,
        tilgang: totals?.tilgang ?? null,
        afgang: totals?.afgang ?? null,
        kommetIgen: totals?.kommetIgen ?? null,
        sagsbehandlere: figures.sagsbehandlere,
        udenSagsbehandler: figures.udenSagsbehandler,
        load: summariseLoad(figures.belastninger, maal),
        efterSagsbehandlere: after ? after.figures.sager.sagsbehandlere : null,
      };
    });
    const read = rows.filter((r) => r.bestand !== null);
    const first = read[0];
    const last = read[read.length - 1];
    const between = rows.filter((r) => first && last && r.maaned >= first.maaned && r.maaned < last.maaned);
    const complete = between.every((r) => r.tilgang !== null && r.afgang !== null);
    const sum = (pick: (r: MonthRow) => number | null) =>
      complete ? between.reduce((s, r) => s + (pick(r) ?? 0), 0) : null;
    // Stock counted in sager at one end and personer at the other is no trend.
    const alike = read.every((r) => r.counting === optaelling);
    const trend =
      first && last && first !== last && alike
        ? {
            fra: first.maaned,
            til: last.maaned,
            bestandFra: first.bestand ?? 0,
            bestandTil: last.bestand ?? 0,
            tilgang: sum((r) => r.tilgang),
            afgang: sum((r) => r.afgang),
          }
        : null;
    return { enhedId, counting: optaelling, maal, months: rows, countedBySager, trend };
  }

  /** The pairs the month view reads: each month's earliest list and the next month's. */
  function monthPairs(all: readonly Kept[]): [Kept, Kept][] {
    const first = all[0];
    const last = all[all.length - 1];
    if (!first || !last) return [];
    const chosen = listsByMonth(monthsBetween(first.dato.slice(0, 7), last.dato.slice(0, 7)), all);
    return chosen.flatMap((a, i) => {
      const b = chosen[i + 1];
      return a && b ? [[a, b] as [Kept, Kept]] : [];
    });
  }

  /** Counts (and keeps) the flows of `pairs` in each counting both lists allow. */
  function keepFlows(
    pairs: readonly (readonly [Kept | undefined, Kept | undefined])[],
    countings: readonly Counting[],
  ) {
    for (const [a, b] of pairs) {
      if (!a || !b) continue;
      for (const c of countings) if (countingFor(c, a, b) === c) totalsBetween(a, b, c);
    }
  }

  /**
   * Counts the flows between the enhed's months now, so the month view never waits for them: at every import,
   * since a list of an earlier month makes the later flows' »kommet igen« stale.
   */
  function warm(enhedId: number): void {
    keepFlows(monthPairs(lists.lists(enhedId)), [lists.settings(enhedId).optaelling]);
  }

  /**
   * Deletes the lists' sager after keeping the flows they take part in (with the lists just before and after, and
   * between months), in both countings, so the months and trends stay.
   */
  function forget(enhedId: number, due: readonly Kept[], by: string): number {
    if (due.length === 0) return 0;
    const all = lists.lists(enhedId);
    const neighbours = due.flatMap((list) => {
      const i = all.findIndex((l) => l.id === list.id);
      return [
        [all[i - 1], list],
        [list, all[i + 1]],
      ] as const;
    });
    keepFlows([...neighbours, ...monthPairs(all)], ['sager', 'personer']);
    return lists.deleteSager(
      due.map((l) => l.id),
      by,
    );
  }

  return {
    /** Keeps a tilsyn's (or the overview's) imported list as the enhed's list of that day. */
    keep(input: {
      enhedId: number;
      tilsynId: number | null;
      dato: string;
      fileName: string;
      fileHash: string;
      rows: readonly NewListSag[];
    }): ListInfo {
      units.require(input.enhedId);
      // One list a day: two would disagree on the day's caseload (a tilsyn's new import replaces its own).
      const same = lists
        .lists(input.enhedId)
        .find((l) => l.dato === input.dato && !(input.tilsynId !== null && l.tilsyn?.id === input.tilsynId));
      if (same)
        throw new ApiError(
          'CONFLICT',
          `Enheden har allerede en sagsliste fra ${formatDanishDate(same.dato)} (»${same.kildeFil}«, ${formatCount(same.sager)} sager). Slet den under Sagsoverblik, hvis den nye skal tælle i stedet${input.tilsynId === null ? '' : ', eller fjern fluebenet ved »Brug også listen i enhedens sagsoverblik«'}.`,
        );
      const kept = requireList(lists.add(input));
      warm(input.enhedId);
      return info(kept);
    },

    lists(enhedId: number) {
      units.require(enhedId);
      return { lists: lists.lists(enhedId).map(info), settings: lists.settings(enhedId) };
    },

    remove(id: number): void {
      const list = requireList(id);
      if (list.tilsyn)
        throw new ApiError(
          'CONFLICT',
          `Sagslisten hører til tilsynet »${list.tilsyn.titel}«. Den følger tilsynets sagsliste og kan ikke slettes her.`,
        );
      lists.remove(id);
      warm(list.enhedId);
    },

    compare(fraId: number, tilId: number): FlowView {
      const a = requireList(fraId);
      const b = requireList(tilId);
      if (a.enhedId !== b.enhedId) throw new ApiError('VALIDATION', 'Vælg to sagslister fra samme enhed.');
      if (a.id === b.id) throw new ApiError('VALIDATION', 'Vælg to forskellige sagslister.');
      const [from, to] = a.dato <= b.dato ? [a, b] : [b, a];
      const wanted = lists.settings(from.enhedId).optaelling;
      const counting = countingFor(wanted, from, to);
      const both = !from.sagerSlettet && !to.sagerSlettet;
      const flow = both
        ? computeFlow(
            lists.sager(from.id),
            lists.sager(to.id),
            counting,
            lists.earlierKeys(from.enhedId, from.dato, counting),
          )
        : null;
      const totals = flow ? flowTotals(flow) : totalsBetween(from, to, counting);
      if (!totals)
        throw new ApiError(
          'CONFLICT',
          'Sagerne i en af listerne er slettet, og bevægelserne mellem netop de to lister blev ikke talt op før. Vælg to lister, der ligger lige efter hinanden.',
        );
      if (flow) lists.keepFlow(from.id, to.id, counting, totals);
      return {
        counting,
        fra: info(from),
        til: info(to),
        totals,
        groups: flow?.groups ?? null,
        duplicates: flow?.duplicates ?? { start: 0, slut: 0 },
        countingFellBack: counting !== wanted,
      };
    },

    caseload(id: number): CaseloadView {
      const list = requireList(id);
      const { maal, optaelling } = lists.settings(list.enhedId);
      const counting = countingFor(optaelling, list);
      const figures = counting === 'personer' && list.figures.personer ? list.figures.personer : list.figures.sager;
      const named = list.sagerSlettet ? new Map() : loadFigures(lists.sager(id), counting).named;
      return {
        liste: info(list),
        counting,
        summary: summariseLoad(figures.belastninger, maal),
        caseworkers: caseworkerLoads(named, maal),
        udenSagsbehandler: figures.udenSagsbehandler,
      };
    },

    months,

    /**
     * Retention: deletes the sager of the enhed's lists taken before `foer`. The figures stay, and so do the flows
     * to the lists before and after each, counted first.
     */
    deleteBefore(enhedId: number, foer: string, by: string) {
      units.require(enhedId);
      if (foer > todayIso())
        throw new ApiError('VALIDATION', 'Datoen kan ikke ligge efter i dag.', {
          foer: 'Datoen kan ikke ligge efter i dag.',
        });
      const all = lists.lists(enhedId);
      const newest = all[all.length - 1];
      // The newest list keeps its sager: the next list's tilgang and afgang are counted from them.
      const before = all.filter((l) => l.dato < foer && !l.sagerSlettet);
      const due = before.filter((l) => l.id !== newest?.id);
      return { lists: due.length, sager: forget(enhedId, due, by), nyesteBeholdt: due.length < before.length };
    },

    /** A tilsyn's list leaves the overview (its sagsliste imported again, without the list's date). */
    removeOfTilsyn(tilsynId: number): void {
      const list = lists.listOfTilsyn(tilsynId);
      if (!list) return;
      lists.remove(list.id);
      warm(list.enhedId);
    },

    /** A tilsyn moved to another enhed takes its list along; not onto a day that enhed has a list of already. */
    moveOfTilsyn(tilsynId: number, enhedId: number): void {
      const list = lists.listOfTilsyn(tilsynId);
      if (!list) return;
      if (lists.lists(enhedId).some((l) => l.dato === list.dato))
        throw new ApiError(
          'CONFLICT',
          `Enheden har allerede en sagsliste fra ${formatDanishDate(list.dato)} i sagsoverblikket, og tilsynets sagsliste er fra samme dag. Slet den ene under Sagsoverblik, før tilsynet flyttes.`,
        );
      lists.moveTo(list.id, enhedId);
      warm(list.enhedId);
      warm(enhedId);
    },

    /** A tilsyn's case-level data is deleted: so are the sager of its list, the figures kept. */
    deleteOfTilsyn(tilsynId: number, by: string): void {
      const list = lists.listOfTilsyn(tilsynId);
      if (list && !list.sagerSlettet) forget(list.enhedId, [list], by);
    },

    /**
     * The sagsoverblik of the enheder `ids` over fra-til (days), each with at least one list then: for the period
     * report and the department view. No names; the caseload over at least `minCell` caseworkers.
     */
    aggregates(
      nodes: readonly { id: number; navn: string; foraelderId: number | null }[],
      fra: string,
      til: string,
      minCell: number,
    ): CaseloadAggregate[] {
      const views = nodes.map((n) => ({ n, view: months(n.id, fra.slice(0, 7), til.slice(0, 7)) }));
      const shown = new Map(views.map(({ n, view }) => [n.id, publicMonths(view, minCell)]));
      // A month left out of an enhed is left out of every enhed above it too: its stock less the others' would
      // give it away.
      const parent = new Map(nodes.map((n) => [n.id, n.foraelderId]));
      const hidden = new Map<number, Set<string>>();
      for (const [id, ms] of shown)
        for (const m of ms.filter((x) => x.skjult))
          for (let up = parent.get(id) ?? null; up !== null; up = parent.get(up) ?? null)
            hidden.set(up, new Set([...(hidden.get(up) ?? []), m.maaned]));
      return views.flatMap(({ n, view }) => {
        const ms = hideMonths(shown.get(n.id) ?? [], hidden.get(n.id) ?? new Set());
        if (ms.length === 0) return [];
        // Personer where some month could count them (the others are marked); else every figure is sager.
        const counting = ms.some((m) => m.counting === 'personer') ? 'personer' : 'sager';
        return [{ enhedId: n.id, enhed: n.navn, counting, maal: view.maal, months: ms, trend: publicTrend(view, ms) }];
      });
    },

    settings: lists.settings,
    saveSettings: (s: Parameters<CaseloadStore['saveSettings']>[0]) => {
      units.require(s.enhedId);
      return lists.saveSettings(s);
    },
  };
}

export type Caseload = ReturnType<typeof createCaseload>;
