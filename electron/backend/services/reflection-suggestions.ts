import type { ReflectionSuggestion } from '../../../shared/domain/reports';
import type { MeasureResult, Share, TilsynResults } from '../../../shared/domain/results';
import type { Category } from '../../../shared/domain/template';

/**
 * Refleksionsspørgsmål from the results (seed 002: "→ Hvordan får vi mere fokus på målopfyldelsen i vores
 * sagsopfølgning?"). A requirement that was not met becomes a warm, open "Hvordan …?" question for the
 * caseworker or the team. Three layers, most specific first:
 *   1. a small phrase library of recurring themes, written by hand;
 *   2. a careful rewrite of the template's own yes/no question ("Er barnets plan opdateret inden for 6 måneder?"
 *      → "Hvordan sikrer vi, at barnets plan bliver opdateret rettidigt?"), only where the sentence shape is safe;
 *   3. a phrase per category that quotes the requirement as it stands, so the Danish is never broken.
 */

interface Theme {
  /** All must match the lower-cased question text. */
  match: RegExp[];
  question: string;
}

const DEADLINE = /senest|inden for|rettidig|frist/;

/** Recurring themes of ledelsestilsyn (children and job centres), each with a question a leader would ask. */
const THEMES: Theme[] = [
  {
    match: [/målopfyldelse|om målene.*nås/],
    question: 'Hvordan får vi mere fokus på målopfyldelsen i vores sagsopfølgning?',
  },
  {
    match: [/akut/],
    question: 'Hvordan sikrer vi, at det altid fremgår af vurderingen, om barnet er i fare og har brug for akut hjælp?',
  },
  { match: [/afdækning/, /begrundet/], question: 'Hvordan gør vi det tydeligt i sagen, hvorfor en afdækning var nok?' },
  {
    match: [/foreløbig vurdering/],
    question: 'Hvordan sikrer vi, at der ligger en foreløbig vurdering, når en undersøgelse trækker ud?',
  },
  {
    match: [/netværk/, /belyst/],
    question: 'Hvordan får vi barnets fritid, venskaber og netværk bedre belyst i undersøgelserne?',
  },
  {
    match: [/ikke (er )?talt med barnet/],
    question:
      'Hvordan sikrer vi, at det står i sagen, hvorfor vi ikke har talt med barnet – og at barnets perspektiv kommer frem på anden måde?',
  },
  {
    match: [/synspunkter/, /indgået|vægt/],
    question: 'Hvordan kan vi vise tydeligere, hvordan barnets synspunkter har påvirket vores vurdering og afgørelse?',
  },
  {
    match: [/barnets egen oplevelse/],
    question: 'Hvordan får vi barnets egen oplevelse af indsatsen med, når vi følger op?',
  },
  { match: [/bisidder/], question: 'Hvordan sikrer vi, at barnet altid får at vide, at det må have en bisidder med?' },
  {
    match: [/forberedt/, /samtale/],
    question: 'Hvordan kan vi forberede barnet bedre på samtalen, så det ved, hvad den handler om?',
  },
  {
    match: [/at vide/, /ført til/],
    question: 'Hvordan sikrer vi, at barnet får at vide, hvad samtalen og dets synspunkter har ført til?',
  },
  {
    match: [/partshør/, /klagevejledning/],
    question:
      'Hvordan hjælper vi hinanden med at få partshøring, begrundelse og klagevejledning på plads i hver afgørelse?',
  },
  {
    match: [/afgørelsen/, /begrundet med/],
    question: 'Hvordan kan vi gøre det tydeligere i afgørelserne, hvilke regler og hensyn vi har lagt vægt på?',
  },
  {
    match: [/uden samtykke/],
    question: 'Hvordan sikrer vi, at barnets plan ligger klar, før vi træffer afgørelse om anbringelse uden samtykke?',
  },
  { match: [/planens mål/], question: 'Hvordan sikrer vi, at målene i planen bygger på det, undersøgelsen har vist?' },
  {
    match: [/mål/, /konkret|målbar|formuleret/],
    question: 'Hvordan kan vi formulere målene mere konkret, så vi ved opfølgningen kan se, om de er nået?',
  },
  {
    match: [/hvem der gør hvad/],
    question: 'Hvordan gør vi det tydeligt i planen, hvem der gør hvad, og hvornår vi følger op?',
  },
  {
    match: [/forældrene/, /inddraget i planen/],
    question: 'Hvordan kan vi inddrage barnet og forældrene mere, så deres syn på målene står tydeligt i planen?',
  },
  {
    match: [/inddraget/, /forløb/],
    question: 'Hvordan kan vi inddrage barnet, forældrene og netværket endnu mere gennem hele forløbet?',
  },
  {
    match: [/indsats/, /svarer|passer/, /behov/],
    question: 'Hvordan sikrer vi, at indsatsen passer til de behov, undersøgelsen har peget på?',
  },
  {
    match: [/bestilling/],
    question: 'Hvordan kan vi gøre vores bestillinger klarere – med formål, mål og aftaler om tilbagemelding?',
  },
  {
    match: [/fulgt op/, DEADLINE],
    question: 'Hvordan sikrer vi, at den første opfølgning på indsatsen sker rettidigt?',
  },
  {
    match: [/rød tråd/],
    question: 'Hvordan gør vi den røde tråd fra undersøgelse over afgørelse og plan til opfølgning tydeligere?',
  },
  {
    match: [/konklusion/],
    question: 'Hvordan kan vi få undersøgelserne til at munde ud i en klar konklusion om barnets behov?',
  },
  {
    match: [/faglige vurdering/, /tydelig|underbygget/],
    question: 'Hvordan kan vi gøre vores faglige vurderinger tydeligere og bedre underbygget af sagens oplysninger?',
  },
  {
    match: [/samtaler/, /job- eller uddannelsesrettet|jobrettet/],
    question: 'Hvordan gør vi samtalerne mere job- og uddannelsesrettede – og får aftalerne skrevet ned?',
  },
  {
    match: [/aktuel plan/],
    question: 'Hvordan sikrer vi, at alle borgere har en aktuel plan, som de selv kan se?',
  },
  {
    match: [/borger/, /tilbud|indsats/, DEADLINE],
    question: 'Hvordan sikrer vi, at borgerne får et tilbud og kommer i gang inden for fristen?',
  },
  {
    match: [/forelagt/, /igen/],
    question: 'Hvordan sikrer vi, at sagen kommer på rehabiliteringsteamet igen, når forløbet står stille?',
  },
  {
    match: [/koordinerende sagsbehandler/],
    question: 'Hvordan sikrer vi, at borgeren altid ved, hvem der er koordinerende sagsbehandler?',
  },
  {
    match: [/tættere på arbejde|progression/],
    question: 'Hvordan kan vi bedre se og styrke borgerens vej mod arbejde eller uddannelse?',
  },
];

/** Past participles seen in review questions; words ending in -eret (opdateret, noteret …) count too. */
const PARTICIPLES = new Set(
  `afholdt afsluttet anvendt begrundet behandlet belyst beskrevet brugt forberedt foretaget forelagt formuleret fulgt
  gengivet gennemført givet godkendt holdt inddraget indhentet iværksat lagt oplyst screenet sendt sikret talt taget
  tilbudt tilpasset truffet udarbejdet udfyldt underskrevet`.split(/\s+/),
);
/** Nouns in -eret that are not participles ("jobcenteret", "nummeret"). */
const NOT_PARTICIPLES = /(center|centr|nummer|kammer|register|semester|teater)et$/;
const isParticiple = (word: string) =>
  PARTICIPLES.has(word) || (/^\p{L}{3,}eret$/u.test(word) && !NOT_PARTICIPLES.test(word));
/** After one of these, a word is a noun ("med jobcenteret"), never the participle we look for. */
const PREPOSITIONS = new Set('af efter for fra hos i med mod om over på til under ved'.split(' '));

/** A question after which the sentence continues with its own finite verb ("…, og er det vurderet …"). */
const SECOND_CLAUSE = /,?\s(og|eller)\s(er|blev|har|var|fremgår|bliver|kan)\s/;

/** "senest 4 måneder efter, at …", "inden for 24 timer …", "inden for den frist, der gælder …" → "rettidigt". */
function simplifyDeadline(rest: string): string {
  return rest.replace(/\s(senest|inden for)\s(\d+|den frist|fristen)[^?]*$/, ' rettidigt');
}

/** The present of "blev" in a clause about what should happen from now on. */
const presentTense = (text: string) => text.replace(/\bblev\b/g, 'bliver');

/** Layer 2: a yes/no question rewritten as "Hvordan sikrer vi, at …?" where its shape allows it; otherwise undefined. */
export function rewriteQuestion(text: string): string | undefined {
  const q = text.trim().replace(/\s+/g, ' ');
  if (!q.endsWith('?') || q.includes(':') || SECOND_CLAUSE.test(q)) return undefined;
  const body = q.slice(0, -1);
  const words = body.split(' ');
  const first = words[0] ?? '';

  // "Er barnets plan opdateret …", "Blev underretningen vurderet …", "Er der foretaget …": X bliver <participle> …
  if (first === 'Er' || first === 'Blev') {
    const i = words.findIndex(
      (w, n) => n >= 2 && isParticiple(w.replace(/,$/, '')) && !PREPOSITIONS.has(words[n - 1] ?? ''),
    );
    if (i < 0) return undefined;
    const subject = words.slice(1, i);
    const last = subject.at(-1) ?? '';
    if (['og', 'eller', 'ikke', 'også'].includes(last)) return undefined;
    const rest = simplifyDeadline(` ${words.slice(i).join(' ')}`);
    return `Hvordan sikrer vi, at ${presentTense(`${subject.join(' ')} bliver${rest}`)}?`;
  }

  // "Beskriver undersøgelsen …", "Afspejler planen …", "Passer tilbuddet …": at <noun> <verb> …
  const second = words[1] ?? '';
  if (
    /^(Beskriver|Indeholder|Afspejler|Forholder|Passer|Svarer|Understøtter|Viser)$/.test(first) &&
    /^\p{Ll}+(en|et|ne)$/u.test(second) &&
    words.length > 2
  ) {
    return `Hvordan sikrer vi, at ${second} ${first.toLowerCase()} ${simplifyDeadline(` ${words.slice(2).join(' ')}`).trim()}?`;
  }
  return undefined;
}

/** Layer 3: per category, a phrase that quotes the requirement as it stands. */
const CATEGORY_PHRASES: Record<Category, { yesNo: string; open: string }> = {
  lovmedholdelighed: {
    yesNo: 'Hvordan sikrer vi, at vi altid kan svare ja til »{q}«',
    open: 'Hvordan sikrer vi, at vi lever op til kravet bag spørgsmålet »{q}«',
  },
  kvalitet: {
    yesNo: 'Hvordan kan vi styrke vores praksis, så vi oftere kan svare ja til »{q}«',
    open: 'Hvordan kan vi lykkes bedre med det, spørgsmålet handler om: »{q}«',
  },
  proces: {
    yesNo: 'Hvordan kan vi indrette vores arbejdsgange, så vi oftere kan svare ja til »{q}«',
    open: 'Hvordan kan vores arbejdsgange hjælpe os med det, spørgsmålet handler om: »{q}«',
  },
};

/** A question that asks how much or which ("I hvilken grad …", "Hvilke …") rather than yes or no. */
const OPEN_QUESTION = /^(i hvilken|hvilke|hvilken|hvilket|hvor|hvordan|hvad|hvem|hvornår)\b/i;

/** The reflection question for one requirement. */
export function reflectionQuestion(measure: { text: string; category: Category }): string {
  const text = measure.text.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const theme = THEMES.find((t) => t.match.every((re) => re.test(lower)));
  if (theme) return theme.question;
  const rewritten = rewriteQuestion(text);
  if (rewritten) return rewritten;
  const phrases = CATEGORY_PHRASES[measure.category] ?? CATEGORY_PHRASES.kvalitet;
  const phrase = OPEN_QUESTION.test(text) ? phrases.open : phrases.yesNo;
  const quoted = phrase.replace('{q}', text);
  // A quoted question already ends the sentence with its own question mark.
  return text.endsWith('?') ? quoted : `${quoted}?`;
}

/** A measure that was not fully met, for one caseworker (her sager only) or the team (all sager). */
export interface MissedMeasure {
  key: string;
  number: string;
  text: string;
  category: Category;
  sectionTitle: string;
  met: number;
  applicable: number;
  target: number | null;
  belowTarget: boolean | null;
}

/** The group of one caseworker in the break-down (as the results name a blank caseworker). */
export function caseworkerGroup(name: string): string {
  return name.trim() || 'Ikke angivet';
}

/**
 * The measures not fully met (met below applicable, or below the måltal), most missed first: the most sager
 * missed, then the lowest share, then the template's order. For a caseworker only her own sager count.
 */
export function missedMeasures(results: TilsynResults, caseworker: string | null): MissedMeasure[] {
  const row =
    caseworker === null
      ? undefined
      : results.breakdowns.sagsbehandler.find((r) => r.group === caseworkerGroup(caseworker));
  if (caseworker !== null && !row) return [];
  const shareOf = (m: MeasureResult): Share => (row ? (row.measures[m.key] ?? m) : m);
  return results.measures
    .map((m, order) => {
      const { met, applicable } = shareOf(m);
      const share = applicable > 0 ? met / applicable : null;
      const belowTarget = m.target === null || share === null ? null : share * 100 < m.target;
      return {
        order,
        missed: applicable - met,
        share: share ?? 1,
        measure: {
          key: m.key,
          number: m.number,
          text: m.text,
          category: m.category,
          sectionTitle: m.sectionTitle,
          met,
          applicable,
          target: m.target,
          belowTarget,
        },
      };
    })
    .filter(({ measure: m }) => m.applicable > 0 && (m.met < m.applicable || m.belowTarget === true))
    .sort((a, b) => b.missed - a.missed || a.share - b.share || a.order - b.order)
    .map((x) => x.measure);
}

/** Suggested reflection questions for a caseworker (or the team), one per missed measure, without repeats. */
export function reflectionSuggestions(results: TilsynResults, sagsbehandler: string | null): ReflectionSuggestion[] {
  const seen = new Set<string>();
  const out: ReflectionSuggestion[] = [];
  for (const m of missedMeasures(results, sagsbehandler)) {
    const text = reflectionQuestion(m);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ questionKey: m.key, text });
  }
  return out;
}
