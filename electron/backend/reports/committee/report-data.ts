import { formatShare } from '../../../../shared/domain/format';
import { hiddenInPublic, resultInWords } from '../../../../shared/domain/results';
import { EXCLUSION_REASON_LABELS } from '../../../../shared/domain/sample';
import { STRATA_FIELD_LABELS } from '../../../../shared/domain/sampling';
import { CATEGORY_LABELS } from '../../../../shared/domain/template';
import { REVIEW_FORM_DESCRIPTIONS, REVIEW_FORM_LABELS } from '../../../../shared/domain/tilsyn';
import type {
  CommitteeGroup,
  CommitteeMeasure,
  CommitteeMethod,
  CommitteeReportData,
  CommitteeReportInput,
  MeasureStatus,
} from './report-types';
import { development } from './trend-data';

/** The committee report's builder: see report-types.ts for what it may and may not hold. PURE. */

const NONE = { met: null, applicable: null, share: null } as const;

function groupOf(label: string, measures: readonly CommitteeMeasure[], minCell: number): CommitteeGroup {
  const shown = measures.filter((m) => m.status === 'vist');
  const met = shown.reduce((n, m) => n + (m.met ?? 0), 0);
  const applicable = shown.reduce((n, m) => n + (m.applicable ?? 0), 0);
  const suppressed = applicable > 0 && applicable < minCell;
  return {
    label,
    measuresShown: shown.length,
    measuresTotal: measures.length,
    ...(applicable === 0 || suppressed ? NONE : { met, applicable, share: met / applicable }),
    suppressed,
    belowTarget: shown.filter((m) => m.belowTarget === true).length,
  };
}

function describeDraw(sample: CommitteeReportInput['sample']): string {
  const { spec, seed, strata } = sample;
  const seedText = `startværdi ${seed}, så udtrækningen kan gentages og efterprøves`;
  const filters: string[] = [];
  if (spec.filters.sagstyper.length > 0) filters.push('sagstype');
  if (spec.filters.teams.length > 0) filters.push('team');
  if (spec.filters.dateKey && (spec.filters.dateFrom || spec.filters.dateTo)) filters.push('dato');
  const afgraensning =
    filters.length > 0
      ? ` Sagslisten blev først afgrænset efter ${joinDanish(filters)}.`
      : ' Sagslisten blev ikke afgrænset før udtrækningen.';
  switch (sample.method) {
    case 'simpel':
      return `Simpel tilfældig udvælgelse blandt sagerne på sagslisten (${seedText}).${afgraensning}`;
    case 'systematisk':
      return `Systematisk udvælgelse: hver n'te sag på den sorterede sagsliste fra et tilfældigt startpunkt (${seedText}).${afgraensning}`;
    case 'stratificeret': {
      const by = spec.strataBy ? STRATA_FIELD_LABELS[spec.strataBy] : 'gruppe';
      const groups = strata.length;
      const allocation =
        spec.allocation === 'per_stratum' && spec.perStratum
          ? `med op til ${spec.perStratum} ${spec.perStratum === 1 ? 'sag' : 'sager'} pr. gruppe`
          : 'fordelt efter gruppernes størrelse';
      // With a fixed number per caseworker each caseworker weighs the same, however many sager they have.
      const equal =
        spec.allocation === 'per_stratum' && spec.strataBy === 'sagsbehandler'
          ? ' Hver sagsbehandler vægter dermed lige meget i resultaterne, uanset hvor mange sager vedkommende har.'
          : '';
      return `Stratificeret tilfældig udvælgelse efter ${by} i ${groups} ${groups === 1 ? 'gruppe' : 'grupper'}, ${allocation} (${seedText}).${equal}${afgraensning}`;
    }
  }
}

function countBy<T>(items: readonly T[]): Map<T, number> {
  const out = new Map<T, number>();
  for (const item of items) out.set(item, (out.get(item) ?? 0) + 1);
  return out;
}

function joinDanish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

/**
 * The rule for small groups in one sentence, or '' when the smallest group is 1 (nothing is hidden, and »færre end 1
 * sager« says nothing).
 */
export function smallGroupRule(minCell: number): string {
  return minCell > 1
    ? `Krav, der var relevante i færre end ${minCell} sager, vises uden tal, så ingen enkeltsag eller medarbejder kan genkendes.`
    : '';
}

export function suppressedText(minCell: number): string {
  return `Færre end ${minCell} sager – ikke vist`;
}

/** The result in words with the share: "Kravet er opfyldt i 12 af de 15 sager (80 %)". */
export function resultWithShare(m: Parameters<typeof resultInWords>[0]): string {
  const words = resultInWords(m);
  return m.applicable > 0 ? `${words} (${formatShare(m.share)})` : words;
}

/** The committee report's content: aggregates and the leader's texts only (the publication check guards these). */
export function committeeReportData(input: CommitteeReportInput): CommitteeReportData {
  const { settings } = input;
  const minCell = Math.max(1, settings.minCell);
  const hidden = suppressedText(minCell);
  const assessments = new Map(input.assessments.map((a) => [a.key, a]));

  const measures: CommitteeMeasure[] = input.results.measures.map((m) => {
    const a = assessments.get(m.key);
    const status: MeasureStatus =
      m.applicable === 0 ? 'ikke_relevant' : hiddenInPublic(m, minCell) ? 'undertrykt' : 'vist';
    const shown = status === 'vist';
    return {
      key: m.key,
      number: m.number,
      text: m.text,
      sectionTitle: m.sectionTitle,
      categoryLabel: CATEGORY_LABELS[m.category],
      target: m.target,
      targetDue: m.targetDue ?? null,
      status,
      met: shown ? m.met : null,
      applicable: shown ? m.applicable : null,
      share: shown ? m.share : null,
      belowTarget: shown ? m.belowTarget : null,
      smallN: shown && m.smallN,
      // Lateness only over as many sager as the smallest group: of fewer it describes single sager.
      ...(shown && m.late && m.late.count >= minCell ? { late: m.late } : {}),
      resultText: status === 'undertrykt' ? hidden : resultWithShare(m),
      // The leader's words about a measure not shown would give away the figure it hides ("Tre af fire …").
      vurdering: shown ? (a?.vurdering ?? '') : '',
      plan: shown ? (a?.plan ?? '') : '',
      ansvarlig: shown ? (a?.ansvarlig ?? '') : '',
      frist: shown ? (a?.frist ?? null) : null,
    };
  });

  const sectionTitles = [...new Set(measures.map((m) => m.sectionTitle))];
  const categoryLabels = [...new Set(measures.map((m) => m.categoryLabel))];

  const sampled = input.sample.sager.filter((s) => s.role === 'udvalgt');
  const excluded = sampled.filter((s) => s.status === 'udgaaet').length;
  const method: CommitteeMethod = {
    reviewForm: REVIEW_FORM_LABELS[input.tilsyn.form],
    reviewFormDescription: REVIEW_FORM_DESCRIPTIONS[input.tilsyn.form],
    template: `${input.tilsyn.skabelonNavn}, version ${input.tilsyn.skabelonVersionNummer}`,
    populationCount: input.sample.populationCount,
    afterFilters: input.sample.afterFilters,
    sampleSize: input.sample.strata.reduce((n, s) => n + s.drawn, 0),
    counted: input.results.sager,
    faerdige: input.results.faerdige,
    udgaaede: excluded,
    replacedBySpare: sampled.filter((s) => s.replaces !== undefined).length,
    exclusions: [...countBy(sampled.flatMap((s) => (s.exclusion ? [s.exclusion.reason] : [])))].map(
      ([reason, count]) => ({ reason: EXCLUSION_REASON_LABELS[reason], count }),
    ),
    drawnHow: describeDraw(input.sample),
    drawnAt: input.sample.drawnAt.slice(0, 10),
    reviewedBetween: input.reviewedBetween,
    qualityAssurance: input.qualityAssurance,
  };

  return {
    kommune: settings.kommune,
    forvaltning: settings.forvaltning,
    logo: settings.logo,
    title: input.tilsyn.titel,
    enhed: input.tilsyn.enhed,
    periode: { from: input.tilsyn.periodeFra, to: input.tilsyn.periodeTil },
    formaal: input.tilsyn.formaal,
    fokus: input.tilsyn.fokus,
    generated: input.generated,
    sammenfatning: input.sammenfatning,
    minCell,
    suppressedText: hidden,
    method,
    measures,
    sections: sectionTitles.map((t) =>
      groupOf(
        t,
        measures.filter((m) => m.sectionTitle === t),
        minCell,
      ),
    ),
    categories: categoryLabels.map((c) =>
      groupOf(
        c,
        measures.filter((m) => m.categoryLabel === c),
        minCell,
      ),
    ),
    overall: groupOf('Alle viste krav', measures, minCell),
    development: development(input, measures, minCell),
    followUp: input.followUp,
    plan: measures
      .filter((m): m is CommitteeMeasure & { target: number } => m.belowTarget === true && m.target !== null)
      .map((m) => ({
        key: m.key,
        number: m.number,
        text: m.text,
        target: m.target,
        targetDue: m.targetDue,
        resultText: m.resultText,
        plan: m.plan,
        ansvarlig: m.ansvarlig,
        frist: m.frist,
      })),
  };
}
