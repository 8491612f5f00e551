// Builds a synthetic database for benchmarks. Later issues extend it (sager, answers, history).
import { openDatabase } from '../../db/open';
import { createSkabelonStore } from '../../db/skabelon-store';
import { createTilsynStore } from '../../db/tilsyn-store';
import { REVIEW_FORMS } from '../../shared/domain/tilsyn';
import { DEFAULT_TEMPLATES } from '../../shared/skabeloner';

export interface SyntheticOptions {
  tilsyn: number;
}

const TEAMS = ['Team Nord', 'Team Syd', 'Team Øst', 'Team Vest', 'Familieafdelingen', 'Jobcenter, ydelse'];

export function createSyntheticDatabase(path: string, options: SyntheticOptions): void {
  const db = openDatabase(path);
  const store = createTilsynStore(db);
  const templates = createSkabelonStore(db);
  templates.seedDefaults(DEFAULT_TEMPLATES);
  const versionIds = templates.list().map((t) => t.versions[0]?.id ?? 0);
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
