import type { ActionStatus } from '../../../../shared/domain/findings';
import type { MeasureAssessment, ReportSettings } from '../../../../shared/domain/reports';
import type { LateFrister, TilsynResults, TrendPoint } from '../../../../shared/domain/results';
import type { ExclusionReason, SampleRecord } from '../../../../shared/domain/sample';
import type { SampleSpec } from '../../../../shared/domain/sampling';
import type { TilsynSummary } from '../../../../shared/domain/tilsyn';

/**
 * The committee report's content, built from the results as a PURE function. The report goes on an open agenda,
 * so its data type holds aggregates and the texts the leader wrote for the report, and nothing else: no sagsnumre,
 * no caseworkers, no notes or findings, no break-downs per caseworker, team or sagstype. Measures that applied in
 * fewer sager than the municipality's smallest group (settings.minCell) carry no numbers at all, and the group
 * totals leave them out, so they cannot be worked out by subtraction. The leader's texts are printed as she wrote
 * them: the publication check (./public-texts.ts) has shown her each passage that may identify someone first.
 */

/** What the builder reads. */
export interface CommitteeReportInput {
  tilsyn: Pick<
    TilsynSummary,
    'id' | 'titel' | 'periodeFra' | 'periodeTil' | 'enhed' | 'form' | 'formaal' | 'fokus' | 'skabelonNavn'
  > & { skabelonVersionNummer: number };
  results: Pick<TilsynResults, 'sager' | 'faerdige' | 'measures'>;
  /** Per measure key, and '*' for all measures together: the rounds of the same template, oldest first. */
  trends: Readonly<Record<string, readonly TrendPoint[]>>;
  assessments: readonly Omit<MeasureAssessment, 'planStatus'>[];
  sammenfatning: string;
  settings: ReportSettings;
  sample: Pick<SampleRecord, 'method' | 'seed' | 'populationCount' | 'afterFilters' | 'strata' | 'drawnAt'> & {
    spec: Pick<SampleSpec, 'strataBy' | 'allocation' | 'perStratum' | 'filters'>;
    sager: readonly (Pick<SampleRecord['sager'][number], 'role' | 'status' | 'replaces'> & {
      exclusion?: { reason: ExclusionReason };
    })[];
  };
  /** The last round's plans that its report printed, with their follow-up status; null when there is no last round. */
  followUp: CommitteeFollowUp | null;
  /** First and last day a leader's answer was given (ISO dates), or null when unknown. */
  reviewedBetween: { from: string; to: string } | null;
  /** »Gennemgangen er kvalitetssikret: 4 af 15 sager gennemgået af to, enighed 88 %.«, or null. */
  qualityAssurance: string | null;
  /** The report's date (ISO). */
  generated: string;
}

export interface CommitteeMethod {
  /** "Ledelseskontrol" and what it means. */
  reviewForm: string;
  reviewFormDescription: string;
  /** "Børn og unge – overordnet, version 2". */
  template: string;
  populationCount: number;
  afterFilters: number;
  /** Sager drawn for the sample (spares not included). */
  sampleSize: number;
  /** Sager that count (not udgået) and of those, færdige. */
  counted: number;
  faerdige: number;
  udgaaede: number;
  /** Udgåede sager whose place a spare took. */
  replacedBySpare: number;
  /** Why sager left the sample: the reason's label and how many (never the note written with it). */
  exclusions: { reason: string; count: number }[];
  /** How the sample was drawn, in words (no stratum names: they may be caseworkers). */
  drawnHow: string;
  drawnAt: string;
  reviewedBetween: { from: string; to: string } | null;
  qualityAssurance: string | null;
}

export type MeasureStatus = 'vist' | 'undertrykt' | 'ikke_relevant';

export interface CommitteeMeasure {
  key: string;
  /** "2.3" as in the review. */
  number: string;
  text: string;
  sectionTitle: string;
  categoryLabel: string;
  /** Måltal in percent, or null. */
  target: number | null;
  /** When the enhed's dated måltal is to be reached (issue #14); null where the skabelon's applies. */
  targetDue: string | null;
  status: MeasureStatus;
  /** Null unless status is 'vist'. */
  met: number | null;
  applicable: number | null;
  share: number | null;
  belowTarget: boolean | null;
  /** Applicable in fewer than 10 sager (but at least minCell): one sag moves the share a lot. */
  smallN: boolean;
  /** A frist shown with figures: how late the overskredne were (days); absent when none was or it is not shown. */
  late?: LateFrister;
  /** "Kravet er opfyldt i 12 af de 15 sager (80 %)", or "Færre end 3 sager – ikke vist". */
  resultText: string;
  vurdering: string;
  plan: string;
  ansvarlig: string;
  frist: string | null;
}

/** An afsnit, a category or all measures together, summed over the shown measures only. */
export interface CommitteeGroup {
  label: string;
  /** Measures shown with numbers, and measures in the group in all. */
  measuresShown: number;
  measuresTotal: number;
  /** Assessments (one per sag and measure) that met the requirement, of the applicable ones. */
  met: number | null;
  applicable: number | null;
  share: number | null;
  suppressed: boolean;
  /** Measures in the group below their måltal. */
  belowTarget: number;
}

export interface CommitteeTrendPoint {
  /** "1. kvt. 2026", "2025", or the round's title when periods collide. */
  label: string;
  share: number;
  met: number;
  applicable: number;
  /** Its n: the sager it stands for (for the round's total, the round's sager, not its vurderinger). */
  sager: number;
  baseline: boolean;
  current: boolean;
}

export interface CommitteeTrend {
  key: string;
  number: string;
  text: string;
  target: number | null;
  points: CommitteeTrendPoint[];
}

export interface CommitteeDevelopment {
  /** The measures shown in this report together, round by round (at least two rounds). */
  overall: CommitteeTrendPoint[];
  /** Measures with at least two rounds that can be shown. */
  measures: CommitteeTrend[];
  /** The round marked as baseline, if any. */
  baselineLabel: string | null;
  rounds: number;
}

export interface CommitteePlanItem {
  key: string;
  number: string;
  text: string;
  target: number;
  targetDue: string | null;
  resultText: string;
  plan: string;
  ansvarlig: string;
  frist: string | null;
}

/** The last round of the same template, and the plans its report printed (krav below måltal), as followed up. */
export interface CommitteeFollowUp {
  tilsynId: number;
  periode: { from: string; to: string };
  /** Krav its report showed below måltal: with no plan for any of them, the report says so. */
  belowTarget: number;
  items: {
    number: string;
    text: string;
    plan: string;
    frist: string | null;
    /** »Udført«, »Åben – fristen er overskredet«. */
    status: string;
    state: ActionStatus;
    overdue: boolean;
  }[];
}

export interface CommitteeReportData {
  kommune: string;
  forvaltning: string;
  /** A data URL, or null. */
  logo: string | null;
  /** The tilsyn's title. */
  title: string;
  enhed: string;
  periode: { from: string; to: string };
  formaal: string;
  fokus: string;
  /** ISO date. */
  generated: string;
  sammenfatning: string;
  minCell: number;
  /** "Færre end 3 sager – ikke vist". */
  suppressedText: string;
  method: CommitteeMethod;
  measures: CommitteeMeasure[];
  sections: CommitteeGroup[];
  categories: CommitteeGroup[];
  overall: CommitteeGroup;
  /** Null unless there are at least two rounds to compare. */
  development: CommitteeDevelopment | null;
  plan: CommitteePlanItem[];
  followUp: CommitteeFollowUp | null;
}
