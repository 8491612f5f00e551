import { formatDanishDate } from '../../../../shared/domain/dates';
import { ACTION_STATUS_LABELS, type FindingKind } from '../../../../shared/domain/findings';
import { templateNumbers } from '../../../../shared/domain/numbering';
import { unmetRequirements } from '../../../../shared/domain/review';
import type { ReviewForm } from '../../../../shared/domain/tilsyn';
import { caseworkerGroup, missedMeasures } from '../../services/reflection-suggestions';
import {
  HOW_SHARES_COUNT,
  inWords,
  noteHeader,
  questionsOf,
  reflectionPlan,
  resultRows,
  reviewedSager,
} from './note-parts';
import type { FeedbackInput, FeedbackNote, NotePoint, NoteSag } from './note-types';

/** The note to one caseworker about her own reviewed sager. */
export function buildCaseworkerNote(input: FeedbackInput, name: string): FeedbackNote {
  const who = name.trim();
  const own = reviewedSager(input.sager)
    .filter((s) => s.sag.sagsbehandler.trim() === who)
    .sort((a, b) => a.sag.sagsnummer.localeCompare(b.sag.sagsnummer, 'da', { numeric: true }));
  const questions = questionsOf(input.sager);
  const reflections = reflectionPlan(input, who);
  const point = (f: { kind: FindingKind; text: string; questionKey: string | null }): NotePoint => {
    const question = f.questionKey ? questions.get(f.questionKey)?.text : undefined;
    const reflection = f.kind === 'laeringspunkt' ? reflections.inline(f.questionKey) : undefined;
    return { text: f.text, ...(question ? { question } : {}), ...(reflection ? { reflection } : {}) };
  };
  const dialogue = input.tilsyn.form === 'dialogbaseret';
  const sager: NoteSag[] = own.map((s) => {
    const of = (kind: FindingKind) => s.findings.filter((f) => f.kind === kind).map(point);
    const reflections = s.dialog.refleksioner.trim();
    const numbers = templateNumbers(s.content, s.sectionKeys);
    return {
      sagsnummer: s.sag.sagsnummer,
      sagstype: s.sag.sagstype,
      styrker: of('styrke'),
      laeringspunkter: of('laeringspunkt'),
      opmaerksomhedspunkter: of('opmaerksomhedspunkt'),
      aftaler: of('aftale'),
      handlinger: s.actions.map((a) => ({
        text: a.text,
        ansvarlig: a.ansvarlig || '–',
        frist: a.frist ? formatDanishDate(a.frist) : '–',
        status: ACTION_STATUS_LABELS[a.status],
      })),
      dialog:
        dialogue && (reflections || s.dialog.dato)
          ? { dato: s.dialog.dato ? formatDanishDate(s.dialog.dato) : '', refleksioner: reflections }
          : null,
      uenigheder: s.disagreements.map((d) => ({
        number: numbers.question(d.key),
        question: d.question,
        sagsbehandler: d.caseworker,
        leder: d.leader,
      })),
      ikkeOpfyldt: unmetRequirements({
        content: s.content,
        sectionKeys: s.sectionKeys,
        sagstype: s.sag.sagstype,
        answers: s.answers,
        dates: s.dates,
      }).map(({ key, ...unmet }) => ({ number: numbers.question(key), ...unmet })),
    };
  });

  const firstName = who.split(/\s+/)[0] ?? who;
  const n = own.length;
  const sagerWord = `${inWords(n)} af dine sager`;
  const how: Record<ReviewForm, string> = {
    ledelseskontrol: `Jeg har gennemgået ${sagerWord}, og her har jeg samlet, hvad jeg så.`,
    dialogbaseret: `Vi har gennemgået ${sagerWord} sammen, og her har jeg samlet, hvad vi talte om og aftalte.`,
    selvevaluering_foerst: `Du har først vurderet ${sagerWord} selv, og derefter har jeg gennemgået ${n === 1 ? 'den' : 'dem'}. Her har jeg samlet, hvad vi hver især så.`,
  };
  const missed = missedMeasures(input.results, who);
  const row = input.results.breakdowns.sagsbehandler.find((r) => r.group === caseworkerGroup(who));
  return {
    kind: 'sagsbehandler',
    recipient: who,
    title: `Feedbacknotat til ${who}`,
    ...noteHeader(input),
    reviewedSager: n,
    opening: [
      `Kære ${firstName}`,
      `Tak for din deltagelse i ledelsestilsynet »${input.tilsyn.titel}«. ${how[input.tilsyn.form]}`,
      'Notatet er et afsæt for vores samtale: det, der fungerer godt, skal også siges – og læringspunkterne er til for, at vi sammen kan blive endnu bedre.',
    ],
    sager,
    common: [],
    actionsSummary: null,
    results: {
      heading: 'Dine resultater i korte træk',
      intro:
        n === 1
          ? `Her er de krav, der ikke var opfyldt i din sag. Det er én sag, så tallene er tænkt som afsæt for samtalen, ikke som en vurdering af dit arbejde. ${HOW_SHARES_COUNT}`
          : `Her er de krav, der ikke var opfyldt i alle dine sager, hvor de var relevante. Tallene bygger på få sager, så én sag betyder meget; de er tænkt som afsæt for samtalen. ${HOW_SHARES_COUNT}`,
      rows: resultRows(missed),
      allMet:
        missed.length === 0
          ? row && row.applicable > 0
            ? 'Alle krav var opfyldt i de af dine sager, hvor de var relevante. Flot arbejde!'
            : 'Der er endnu ingen vurderede krav i dine sager.'
          : null,
    },
    reflections: {
      heading: 'Spørgsmål til refleksion',
      intro: reflections.anyInline()
        ? 'Ud over spørgsmålene ved læringspunkterne kan du tage disse med til vores samtale:'
        : 'Tag gerne et par af spørgsmålene med til vores samtale:',
      questions: reflections.rest(),
    },
    closing: 'Jeg ser frem til vores samtale.',
    footer: `Feedbacknotat til ${who} · ${input.tilsyn.titel}`,
  };
}
