import type { FindingKind } from '../../../../shared/domain/findings';
import { capitalFirst } from '../../../../shared/domain/format';
import { missedMeasures } from '../../services/reflection-suggestions';
import { HOW_SHARES_COUNT, inWords, noteHeader, reflectionPlan, resultRows, reviewedSager } from './note-parts';
import type { CommonPoint, FeedbackInput, FeedbackNote } from './note-types';

const COMMON_KINDS: { kind: FindingKind; heading: string }[] = [
  { kind: 'styrke', heading: 'Det gør vi godt' },
  { kind: 'laeringspunkt', heading: 'Det kan vi lære af' },
  { kind: 'opmaerksomhedspunkt', heading: 'Det skal vi være opmærksomme på' },
];
const MAX_COMMON = 12;

/** The team note: what recurs across all reviewed sager, naming no caseworker and no sag. */
export function buildTeamNote(input: FeedbackInput): FeedbackNote {
  const all = reviewedSager(input.sager);
  const total = all.length;
  // Nothing is replaced behind the leader's back: the publication check shows her what may identify someone.
  const reflections = reflectionPlan(input, null);
  const common = COMMON_KINDS.map(({ kind, heading }) => {
    const groups = new Map<string, { text: string; sager: Set<number>; order: number; questionKey: string | null }>();
    for (const s of all) {
      for (const f of s.findings.filter((x) => x.kind === kind)) {
        const text = f.text.replace(/\s+/g, ' ').trim();
        const key = text.toLowerCase().replace(/[.!]+$/, '');
        const g = groups.get(key) ?? { text, sager: new Set<number>(), order: groups.size, questionKey: null };
        g.sager.add(s.sag.id);
        g.questionKey ??= f.questionKey;
        groups.set(key, g);
      }
    }
    const points = [...groups.values()]
      .sort((a, b) => b.sager.size - a.sager.size || a.order - b.order)
      .slice(0, MAX_COMMON)
      .map((g): CommonPoint => {
        const reflection = kind === 'laeringspunkt' ? reflections.inline(g.questionKey) : undefined;
        return { text: g.text, sager: g.sager.size, fromSager: [...g.sager], ...(reflection ? { reflection } : {}) };
      });
    return { kind, heading, points, more: Math.max(0, groups.size - MAX_COMMON) };
  }).filter((c) => c.points.length > 0);

  const withActions = all.filter((s) => s.actions.length > 0);
  const actionCount = withActions.reduce((n, s) => n + s.actions.length, 0);
  // The team note goes beyond the team: a krav of fewer sager than the committee report shows is left out here too,
  // so no one sag (and its caseworker) is told by its figures (»0 af 1«; found by an attack).
  const { minCell } = input.settings;
  const missedAll = missedMeasures(input.results, null);
  const missed = missedAll.filter((m) => m.applicable >= minCell);
  const hidden = missedAll.length - missed.length;
  const hiddenText =
    hidden === 0
      ? ''
      : `${hidden === 1 ? 'Ét krav, der kun var relevant' : `${capitalFirst(inWords(hidden))} krav, der kun var relevante`} i færre end ${inWords(minCell)} sager, er ikke vist, så ingen enkelt sag kan genkendes.`;
  const sagerWord = total === 1 ? 'én sag' : `${inWords(total)} sager`;
  return {
    kind: 'team',
    recipient: null,
    title: 'Teamnotat',
    ...noteHeader(input),
    reviewedSager: total,
    opening: [
      `Tak for jeres deltagelse i ledelsestilsynet »${input.tilsyn.titel}«. Vi har gennemgået ${sagerWord} fra teamet.`,
      'Her er det, der går igen på tværs af sagerne – både det, vi gør godt, og det, vi kan blive bedre til. Notatet nævner ingen navne og ingen sager: det handler om vores fælles praksis.',
    ],
    sager: [],
    common,
    actionsSummary:
      actionCount === 0
        ? null
        : `Der er aftalt ${inWords(actionCount)} ${actionCount === 1 ? 'handling' : 'handlinger'} i ${inWords(withActions.length)} af de ${inWords(total)} sager. Den enkelte sagsbehandler har fået ${actionCount === 1 ? 'den' : 'dem'} i sit eget feedbacknotat.`,
    results: {
      heading: 'Teamets resultater',
      intro: `De krav, der ikke var opfyldt i alle de sager, hvor de var relevante – dem, vi oftest ikke når, står først. ${HOW_SHARES_COUNT}${hiddenText ? ` ${hiddenText}` : ''}`,
      rows: resultRows(missed),
      allMet:
        missedAll.length === 0
          ? input.results.overall.applicable > 0
            ? 'Alle krav var opfyldt i de sager, hvor de var relevante. Flot arbejde!'
            : 'Der er endnu ingen vurderede krav.'
          : missed.length === 0
            ? hiddenText
            : null,
    },
    reflections: {
      heading: 'Til fælles refleksion',
      intro: reflections.anyInline()
        ? 'Ud over spørgsmålene ved læringspunkterne kan vi tage disse op på et teammøde:'
        : 'Spørgsmål, vi kan tage op på et teammøde:',
      questions: reflections.rest(),
    },
    closing: 'Tak for jeres arbejde med sagerne og for jeres åbenhed i tilsynet.',
    footer: `Teamnotat · ${input.tilsyn.titel}`,
  };
}
