import { ApiError } from '../../../shared/api/errors';
import { addFigures, type CoverageFigure } from '../../../shared/domain/coverage-figures';
import { flattenTree, unitAndBelow, unitKey, unitTree } from '../../../shared/domain/enhed';
import { type PeriodReportData, periodFamily } from '../../../shared/domain/period-report';
import type { PublicationCheck, PublicText } from '../../../shared/domain/publication';
import type { GeneratedFile } from '../../../shared/domain/reports';
import { isAreaReport, periodDocDefinition, periodFileName } from '../reports/period/document';
import { untracked } from '../tasks';
import type { Caseload } from './caseload';
import { renderPdf } from './pdf';
import type { PlanFollowUp } from './plan-follow-up';
import type { PassageRef, Publication } from './publication';
import type { ResultsService } from './results-service';
import type { Stores } from './stores';
import type { Units } from './units';

/**
 * The period report (issue #14): the afsluttede rounds of an enhed (and the enheder under it) whose period ends in
 * fra-til, per template family, with coverage and the plans' status counted. Aggregates only.
 */
export function createPeriodReport(
  stores: Stores,
  units: Units,
  results: ResultsService,
  plans: PlanFollowUp,
  publication: Publication,
  caseload: Caseload,
  /** Coverage of exactly a period that resultatpakker brought, for enheder whose sager are in the leaders' files. */
  broughtCoverage: (
    enhedIds: readonly number[],
    period: { fra: string; til: string },
  ) => (CoverageFigure & { enhedId: number })[],
) {
  /**
   * The period report is public like the committee's: the texts it prints that a person wrote (the enhed's and the
   * municipality's names, the templates' texts) pass the same check for names and sagsnumre. A passage may be marked
   * »identificerer ingen« in the period report's own check (kept for the enhed, whatever the period: its texts are
   * names), or in the committee report's check of one of its rounds, where the same text stands.
   */
  function textsOf(d: PeriodReportData): PublicText[] {
    const place = { screen: 'enheder' } as const;
    const settings = { screen: 'indstillinger' } as const;
    return [
      { label: 'Enhedens navn', text: d.enhed, place },
      { label: 'Kommunens navn', text: d.kommune, place: settings },
      { label: 'Forvaltningens navn', text: d.forvaltning, place: settings },
      // A report for an afdeling names the enheder under it, in the sagsoverblik and beside the rounds.
      ...d.caseload.map((c) => ({ label: 'En enheds navn', text: c.enhed, place })),
      ...d.families.flatMap((f) => [
        ...f.rounds.map((r) => ({ label: 'En enheds navn', text: r.enhed, place })),
        { label: 'Skabelonens navn', text: f.skabelon, place: { screen: 'skabelon' } as const },
        ...f.rows.map((r) => ({
          label: `Krav ${r.number} (skabelonens tekst)`,
          text: r.text,
          place: { screen: 'skabelon' } as const,
        })),
      ]),
    ];
  }

  function checkOf(enhedId: number, fra: string, til: string, generated: string): PublicationCheck {
    const d = data(enhedId, fra, til, generated);
    const roundIds = roundsOf(enhedId, fra, til).map((t) => t.id);
    return publication.check({ tilsyn: roundIds, enhedId }, 'udvalg', textsOf(d));
  }

  function requireAnonymous(check: PublicationCheck): void {
    const found = check.passages.filter((p) => !p.ok);
    const first = found[0];
    if (first)
      throw new ApiError(
        'CONFLICT',
        `Perioderapporten er et offentligt dokument, og ${first.label.split(' · ')[0]?.toLowerCase()} har »${first.text}«, der måske kan identificere et barn eller en sagsbehandler${found.length === 2 ? ' (og ét sted mere)' : found.length > 2 ? ` (og ${found.length - 1} steder mere)` : ''}. Ret teksten, eller markér stedet som »Identificerer ingen« under Årshjul › Perioderapport › Tjek før offentliggørelse, og lav rapporten igen.`,
      );
  }

  /** The afsluttede rounds of the enhed and those below it whose period ends in fra-til. */
  function roundsOf(enhedId: number, fra: string, til: string) {
    const ids = unitAndBelow(stores.units.rows(), enhedId);
    return stores.tilsyn
      .list()
      .filter(
        (t) =>
          t.enhedId !== null &&
          ids.has(t.enhedId) &&
          t.status === 'afsluttet' &&
          t.periodeTil >= fra &&
          t.periodeTil <= til,
      );
  }

  function data(enhedId: number, fra: string, til: string, generated: string): PeriodReportData {
    const unit = units.require(enhedId);
    const unitRows = stores.units.rows();
    const below = unitAndBelow(unitRows, enhedId);
    // A round is its enhed's by id: the name it was given when made may be spelt otherwise (or the enhed renamed).
    const names = new Map(unitRows.map((u) => [u.id, u.navn]));
    const unitName = (t: { enhedId: number | null; enhed: string }) =>
      (t.enhedId === null ? undefined : names.get(t.enhedId)) ?? t.enhed;
    const rounds = roundsOf(enhedId, fra, til);
    if (rounds.length === 0)
      throw new ApiError(
        'CONFLICT',
        `${unit.navn} har ingen afsluttede runder, hvis periode slutter mellem ${fra.split('-').reverse().join('.')} og ${til.split('-').reverse().join('.')}. Afslut runderne først.`,
      );
    const byFamily = new Map<number, typeof rounds>();
    for (const t of rounds) {
      const family = stores.results.familyOf(t.id);
      byFamily.set(family, [...(byFamily.get(family) ?? []), t]);
    }
    const settings = stores.results.settings();
    // Coverage of the same rounds the report shows, and nothing else.
    const { seen, reviewed } = stores.units.coverageOfRounds(rounds.map((t) => t.id));
    const done = reviewed.filter((r) => r.faerdig);
    // One caseworker however her name is written (case, spaces, invisible characters), as the årshjul counts her.
    const keys = (names: readonly string[]) => names.map(unitKey).filter(Boolean);
    const reachedCaseworkers = new Set(keys(done.map((r) => r.sagsbehandler)));
    const reachedTypes = new Set(keys(done.map((r) => r.sagstype)));
    const planItems = rounds.flatMap((t) => plans.of(t.id, generated));
    // Rounds whose sager are not here (read in from pakker, or deleted): their enheder's coverage as the leaders'
    // files counted it for exactly this period, where a pakke brought it.
    const noSager = stores.retention.withoutSager();
    const lacking = rounds.filter((t) => noSager.has(t.id));
    const came = broughtCoverage([...new Set(lacking.map((t) => t.enhedId ?? 0))], { fra, til });
    const brought = addFigures(came, { fra, til });
    const counted = new Set(came.map((f) => f.enhedId));
    const stillLacking = lacking.filter((t) => !counted.has(t.enhedId ?? 0)).length;
    return {
      kommune: settings.kommune,
      forvaltning: settings.forvaltning,
      enhed: unit.navn,
      fra,
      til,
      generated,
      minCell: settings.minCell,
      families: [...byFamily].map(([family, ts]) =>
        periodFamily(
          stores.templates.get(family).name,
          ts.map((t) => ({
            fra: t.periodeFra,
            til: t.periodeTil,
            enhed: unitName(t),
            results: results.resultsOf(t.id),
          })),
          settings.minCell,
        ),
      ),
      coverage: {
        caseworkers: new Set([...keys(seen.caseworkers), ...reachedCaseworkers]).size + (brought?.sagsbehandlere ?? 0),
        caseworkersReached: reachedCaseworkers.size + (brought?.sagsbehandlereDaekket ?? 0),
        sagstyper: new Set([...keys(seen.sagstyper), ...reachedTypes]).size + (brought?.sagstyper ?? 0),
        sagstyperReached: reachedTypes.size + (brought?.sagstyperDaekket ?? 0),
        withoutSager: stillLacking,
        fromBundles: counted.size,
        deletedInBundles: brought?.runderUdenSager ?? 0,
      },
      caseload: caseload.aggregates(
        flattenTree(unitTree(unitRows)).filter((n) => below.has(n.id)),
        fra,
        til,
        settings.minCell,
      ),
      plans: {
        total: planItems.length,
        udfoert: planItems.filter((p) => p.status === 'udfoert').length,
        open: planItems.filter((p) => p.status === 'aaben' || p.status === 'i_gang').length,
        overdue: planItems.filter((p) => p.overdue).length,
        imported: rounds.filter((t) => t.indlaest).length,
      },
    };
  }

  return {
    data,
    /** The period report's publication check, as the report would be made now. */
    check: checkOf,
    /** Marks (or unmarks) a passage of the check, for the enhed. */
    mark(enhedId: number, fra: string, til: string, generated: string, ref: PassageRef, ok: boolean) {
      publication.mark({ enhedId }, checkOf(enhedId, fra, til, generated), ref, ok);
      return checkOf(enhedId, fra, til, generated);
    },
    async file(enhedId: number, fra: string, til: string, generated: string, task = untracked): Promise<GeneratedFile> {
      task.report('Samler tallene');
      const d = data(enhedId, fra, til, generated);
      requireAnonymous(checkOf(enhedId, fra, til, generated));
      await task.checkpoint();
      task.report('Sætter siderne op');
      const pdf = await renderPdf(periodDocDefinition(d));
      await task.checkpoint();
      return {
        fileName: periodFileName(d.enhed, fra, til, isAreaReport(d)),
        mimeType: 'application/pdf',
        dataBase64: pdf.toString('base64'),
      };
    },
  };
}
