// Builds a synthetic database for benchmarks. Later issues extend it (sager, answers, history).
import { openDatabase } from '../../db/open';
import { createTemplateStore } from '../../db/template-store';
import { createTilsynStore } from '../../db/tilsyn-store';
import { createUnitStore } from '../../db/unit-store';
import { DEFAULT_TEMPLATES } from '../../electron/backend/skabeloner';
import { JND_OPTIONS, type TemplateContentInput } from '../../shared/domain/template';
import { REVIEW_FORMS } from '../../shared/domain/tilsyn';

export interface SyntheticOptions {
  tilsyn: number;
}

const TEAMS = ['Team Nord', 'Team Syd', 'Team Øst', 'Team Vest', 'Familieafdelingen', 'Jobcenter, ydelse'];

export function createSyntheticDatabase(path: string, options: SyntheticOptions): void {
  const db = openDatabase(path);
  const store = createTilsynStore(db);
  const templates = createTemplateStore(db);
  templates.seedDefaults(DEFAULT_TEMPLATES);
  const versionIds = templates.list().map((t) => t.versions[0]?.id ?? 0);
  const units = createUnitStore(db);
  const unitIds = TEAMS.map((navn) => units.create({ navn, niveau: 'team', foraelderId: null }));
  db.sqlite.transaction(() => {
    for (let i = 0; i < options.tilsyn; i++) {
      const year = 2020 + Math.floor(i / 200);
      const quarter = (i % 4) + 1;
      const startMonth = String((quarter - 1) * 3 + 1).padStart(2, '0');
      const endMonth = String(quarter * 3).padStart(2, '0');
      store.create({
        titel: `Ledelsestilsyn ${quarter}. kvartal ${year} (${i + 1})`,
        periodeFra: `${year}-${startMonth}-01`,
        periodeTil: `${year}-${endMonth}-${quarter === 1 || quarter === 4 ? '31' : '30'}`,
        enhed: TEAMS[i % TEAMS.length] ?? 'Team',
        enhedId: unitIds[i % unitIds.length] ?? null,
        form: REVIEW_FORMS[i % REVIEW_FORMS.length] ?? 'ledelseskontrol',
        formaal: 'Lovmedholdelighed og faglig kvalitet i sagsbehandlingen.',
        fokus: i % 3 === 0 ? 'Børnesamtaler' : '',
        skabelonVersionId: versionIds[i % versionIds.length] ?? 0,
        afsnit: null,
      });
    }
  })();
  db.close();
}

/** A valid template of `questions` questions in 10 afsnit; every fourth question depends on the one before. */
export function syntheticTemplate(questions: number): TemplateContentInput {
  const perSection = Math.ceil(questions / 10);
  return {
    dateFields: [
      { key: 'opmaerksomhed', label: 'Kommunen blev opmærksom' },
      { key: 'afsluttet', label: 'Undersøgelsen afsluttet' },
    ],
    sections: Array.from({ length: 10 }, (_, s) => ({
      key: `afsnit-${s + 1}`,
      title: `Afsnit ${s + 1}`,
      description: 'Et afsnit i en stor skabelon til måling.',
      questions: Array.from({ length: Math.min(perSection, questions - s * perSection) }, (_, q) => {
        const n = s * perSection + q;
        return {
          key: `q-${n}`,
          text: `Spørgsmål ${n + 1}: er kravet opfyldt i sagen, og er det dokumenteret tydeligt i journalen?`,
          help: 'Se efter notater, afgørelser og planer i sagens dokumenter. '.repeat(3),
          legalRef: 'Barnets Lov § 20 (tidl. SEL § 50)',
          category: 'lovmedholdelighed' as const,
          ...(n % 10 === 9
            ? {
                answerType: 'frist' as const,
                frist: { fra: 'opmaerksomhed', til: 'afsluttet', graense: 4, enhed: 'maaneder' as const },
              }
            : { answerType: 'jnd' as const, options: JND_OPTIONS }),
          target: 100,
          rules: n % 4 === 3 && n % 10 !== 0 ? [{ type: 'svar' as const, question: `q-${n - 1}`, anyOf: ['ja'] }] : [],
          reasonRequiredOnNegative: true,
        };
      }),
    })),
  };
}
