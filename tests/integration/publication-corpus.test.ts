import { beforeAll, describe, expect, it } from 'vitest';
import { hookTestApi } from '../support/hooks';
import { pdfText } from '../support/pdf-text';
import { finishSag, sampledTilsyn } from '../support/scenario';

// Issue #12's proof, through the API and the PDFs: no text from a corpus of tricky spellings of the database's names
// and sagsnumre gets into a public document (the committee report, the team note) without the leader deciding on it,
// and a corpus of ordinary report text (names that are words, law references, dates, amounts) is made without a
// single question. (A CPR number never gets this far: every stored text has it masked; see cpr-api.test.ts.)

const backend = hookTestApi('all', { file: 'korpus.db' });
const { api } = backend;
let tilsynId = 0;
let sagId = 0;

beforeAll(async () => {
  const made = await sampledTilsyn(api, {
    tilsyn: { titel: 'Ledelsestilsyn 2. kvartal 2026' },
    sager: 6,
    sagsnummer: (i) => `BU-2026-${1000 + i}`,
    caseworkers: ['Line Hansen', 'Søren Østergaard', 'Per Lund', 'Anne-Marie Skov', 'Maria de Jong', 'Bente Holm'],
  });
  for (const s of made.sager) await finishSag(api, s.id);
  tilsynId = made.tilsynId;
  sagId = made.sager[0]?.id ?? 0;
}, 60_000);

const LEAKS = [
  'Drøftet med Line Hansen.',
  'Drøftet med LINE HANSEN.',
  'Drøftet med line hansen.',
  'Drøftet med Soeren Oestergaard.',
  'Drøftet med Sørens team.',
  'Drøftet med Hansen, Line.',
  'Drøftet med hansen, line.',
  'Drøftet med L i n e  H a n s e n.',
  'Drøftet med H.a.n.s.e.n.',
  'Sagen er overtaget af Han-\nsen.',
  'Sagen ligger hos LIHA.',
  'Sagen ligger hos SØ.',
  'Sagen ligger hos A.-M.S.',
  'Per mangler at holde samtalen.',
  'Aftalt med Anne-Marie.',
  'Aftalt med \u0410nne-Marie (kyrillisk A).',
  'Aftalt med An\u200bne-Ma\u00adrie.',
  'Sag BU-2026-1002 mangler en plan.',
  'Sag bu 2026 1002 mangler en plan.',
  'Sag BU\u20112026\u20111002 mangler en plan.',
  'Sag BU-2026-1OO2 mangler en plan.',
  'Sag ＢＵ-２０２６-１００２ mangler en plan.',
  'Journalnummer 77 12 34 5 er forkert.',
  'Sagen er overtaget af Han- sen og Han-sen.',
  // Found by a fresh-eyes attack: ASCII spellings, one word, side by side in lower case, genitive, other
  // separators, digits for letters, more initials, e-mail addresses, shorter sagsnumre, letters for digits.
  'Drøftet med Soren Ostergaard.',
  'Skriv til soren.ostergaard@kommune.dk eller lih@kommune.dk.',
  'Drøftet med LineHansen og #PerLund.',
  'Vi så at per lund var syg.',
  'Skovs sager var gode.',
  'Drøftet med H\u202fa\u202fn\u202fs\u202fe\u202fn og L-u-n-d og S_k_o_v.',
  'Drøftet med Line\u3164Hansen.',
  'Drøftet med L1ne H4nsen.',
  'Sagen ligger hos SØØS og hos LH.',
  'Se sag 1002 fra 2026 og BU-2026-1OO2.',
  // A second fresh-eyes attack: l look-alikes, control characters, more separators, a split word, the serial
  // after other case words, initials in more forms, a lower-case surname after a role, Ø for 0.
  'Sagen ligger hos HoIm og Ho|m.',
  'Sagen ligger hos Ho\u04cfm.',
  'Sagen ligger hos Han\u0001sen.',
  'Drøftet med H\u2013a\u2013n\u2013s\u2013e\u2013n og H*a*n*s*e*n.',
  'Drøftet med Han sen og Han\nsen.',
  'Drøftet med (H)ansen.',
  'Se sag nr. 1002, sagsnr. 1002 og journalnr. 1002.',
  'LH’s sager og LiHa og HALI og L&H.',
  'Drøftet med rådgiveren lund og fru skov.',
  'Se BU-2026-1ØØ2.',
  'Drøftet med Maria de Jong og DeJong.',
];

const ORDINARY = [
  'Vi holder en fast line i arbejdet, og per sag bruges to timer. Hans sager er ikke nævnt.',
  'Efter SL § 50 og BL § 20, jf. LBK nr. 1002, er undersøgelsen lavet inden for fire måneder.',
  'Vi gik en tur i skoven ved en lund; planen er lagt for perioden 01.01.2026-31.03.2026.',
  'Budgettet er 2.500.000 kr.; mødet er kl. 10.00-12.00 den 31.01.26, og måltallet er 90 %.',
  'Per 1. januar 2026 gælder nye regler for line- og stabsfunktioner.',
  'Et OK resultat. PS: IDA og HK deltog. Status: Hans plan er god. Fokus: Per sag. Helle for barnet.',
  'De sager, der blev set, er de bedste. Al dokumentation er på plads. KLE 27.24.12 bruges.',
];

const committee = () => api.call('rapport.udvalg', { tilsynId, format: 'kort' });

describe('the committee report and the team note with a corpus of tricky texts', () => {
  it.each(LEAKS)('refuses the committee report while the sammenfatning says: %s', async (text) => {
    await api.call('resultater.sammenfatning', { tilsynId, tekst: text });
    const check = await api.call('rapport.tjek', { tilsynId, dokument: 'udvalg' });
    expect(check.unresolved, text).toBeGreaterThan(0);
    await expect(committee()).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it.each(LEAKS)('refuses the team note while a finding says: %s', async (text) => {
    const review = await api.call('gennemgang.fund', { sagId, kind: 'laeringspunkt', text, questionKey: null });
    const finding = review.findings.at(-1);
    try {
      await expect(api.call('rapport.feedback', { tilsynId })).rejects.toMatchObject({ code: 'CONFLICT' });
    } finally {
      await api.call('gennemgang.fundSlet', { id: finding?.id ?? 0 });
    }
  });

  it.each(ORDINARY)('prints ordinary text as written, without a question: %s', async (text) => {
    await api.call('resultater.sammenfatning', { tilsynId, tekst: text });
    expect((await api.call('rapport.tjek', { tilsynId, dokument: 'udvalg' })).passages, text).toEqual([]);
    const file = await committee();
    const printed = (await pdfText(Buffer.from(file.dataBase64, 'base64'))).join(' ').replace(/\s+/g, ' ');
    expect(printed).toContain(text.replace(/\s+/g, ' '));
  });
});
