import { type BackupSchedulerOptions, startBackupScheduler } from '../../db/backup';
import type { TilsynDatabase } from '../../db/open';
import { createSkabelonStore } from '../../db/skabelon-store';
import { createTilsynStore } from '../../db/tilsyn-store';
import type { AppInfo, DatabaseList } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { parseTemplateFile, templateFileText } from '../../shared/domain/template-file';
import type { TilsynData } from '../../shared/domain/tilsyn';
import { createAfslutningHandlers } from './afslutning-api';
import { createBackupHandlers } from './backup-api';
import { createCommitteeHandlers } from './committee-api';
import type { Handlers } from './dispatch';
import { createFeedbackHandlers } from './feedback-api';
import { createFindingsHandlers } from './findings-api';
import { createGennemgangHandlers } from './gennemgang-api';
import { createPopulationHandlers } from './population-api';
import { createResultsService } from './results-api';
import { createRetentionHandlers } from './retention-api';
import { createReview } from './review';
import { DEFAULT_TEMPLATES } from './skabeloner';

export interface BackendContext {
  db: TilsynDatabase;
  mode: AppInfo['mode'];
  version: string;
  /** Automatic backup copies (db/backup.ts); on unless false. They stop when db.close() is called. */
  backups?: false | BackupSchedulerOptions;
  /** Switching to another database file (electron/backend/session.ts); absent where it is not offered. */
  databases?: {
    list(): DatabaseList;
    open(path: string): AppInfo;
  };
}

const notFound = () => new ApiError('NOT_FOUND', 'Tilsynet findes ikke (det kan være slettet).');

/** Composes the stores and pure logic into the API methods. No Electron here: it runs in plain Node. */
export function createHandlers(ctx: BackendContext): Handlers {
  const tilsyn = createTilsynStore(ctx.db);
  const skabeloner = createSkabelonStore(ctx.db);
  skabeloner.seedDefaults(DEFAULT_TEMPLATES);
  if (ctx.backups !== false) startBackupScheduler(ctx.db, ctx.backups);
  const review = createReview(ctx.db, tilsyn, skabeloner);
  const results = createResultsService(ctx.db, tilsyn, skabeloner);

  /** A tilsyn uses a published version, and a tematiseret one only afsnit that version has. */
  function checkTemplateChoice(data: TilsynData): void {
    let sectionKeys: string[];
    try {
      sectionKeys = skabeloner.publishedContent(data.skabelonVersionId).sections.map((s) => s.key);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const message = 'Vælg en publiceret skabelon';
      throw new ApiError('VALIDATION', message, { skabelonVersionId: message });
    }
    const unknown = (data.afsnit ?? []).filter((key) => !sectionKeys.includes(key));
    if (unknown.length > 0) {
      const message = `Afsnittet »${unknown[0]}« findes ikke i den valgte skabelon`;
      throw new ApiError('VALIDATION', message, { afsnit: message });
    }
  }

  return {
    ...createPopulationHandlers(ctx.db, tilsyn, skabeloner),
    ...createGennemgangHandlers(review),
    ...createFindingsHandlers(review),
    ...createAfslutningHandlers(review, results.rememberLockedRound),
    ...results.handlers,
    ...createCommitteeHandlers(results, ctx.db),
    ...createFeedbackHandlers(review, results, ctx.db),
    ...createBackupHandlers(ctx),
    ...createRetentionHandlers(ctx.db, results),
    'app.databaser': () => ctx.databases?.list() ?? { current: ctx.db.path, recent: [] },
    'app.aabnDatabase': ({ path }) => {
      if (!ctx.databases) throw new ApiError('CONFLICT', 'Her kan der ikke skiftes database.');
      return ctx.databases.open(path);
    },
    'app.info': () => ({
      appName: 'Tilsyn',
      version: ctx.version,
      databasePath: ctx.db.path,
      schemaVersion: ctx.db.schemaVersion,
      mode: ctx.mode,
    }),
    'tilsyn.list': () => tilsyn.list(),
    'tilsyn.get': ({ id }) => tilsyn.get(id) ?? throwError(notFound()),
    'tilsyn.create': (data) => {
      checkTemplateChoice(data);
      return tilsyn.create(data);
    },
    'tilsyn.update': ({ id, data }) => {
      const current = tilsyn.get(id) ?? throwError(notFound());
      const templateChanged =
        current.skabelonVersionId !== data.skabelonVersionId ||
        JSON.stringify(current.afsnit) !== JSON.stringify(data.afsnit);
      if (current.status === 'afsluttet') {
        throw new ApiError('CONFLICT', 'Tilsynet er afsluttet og låst. Genåbn det for at ændre det.');
      }
      if (templateChanged && current.status !== 'planlaegning') {
        throw new ApiError(
          'CONFLICT',
          'Stikprøven er trukket, så tilsynets skabelon og afsnit ligger fast. Opret et nyt tilsyn for en anden skabelon.',
        );
      }
      checkTemplateChoice(data);
      return tilsyn.update(id, data) ?? throwError(notFound());
    },

    'skabelon.list': () => skabeloner.list(),
    'skabelon.get': ({ id }) => skabeloner.get(id),
    'skabelon.version': ({ versionId }) => skabeloner.getVersion(versionId),
    'skabelon.copy': ({ versionId, meta }) => skabeloner.copy(versionId, meta),
    'skabelon.updateMeta': ({ id, meta }) => skabeloner.updateMeta(id, meta),
    'skabelon.createDraft': ({ skabelonId }) => ({ skabelonId, versionId: skabeloner.createDraft(skabelonId) }),
    'skabelon.saveDraft': ({ versionId, content }) => skabeloner.saveDraft(versionId, content),
    'skabelon.publish': ({ versionId }) => skabeloner.publish(versionId),
    'skabelon.deleteDraft': ({ versionId }) => {
      skabeloner.deleteDraft(versionId);
      return null;
    },
    'skabelon.export': ({ versionId }) => {
      const version = skabeloner.getVersion(versionId);
      if (version.status !== 'publiceret') {
        throw new ApiError('CONFLICT', 'Kun publicerede versioner kan eksporteres. Publicér kladden først.');
      }
      const { name, area, description } = version.skabelon;
      return {
        fileName: `${name} v${version.nummer}.tilsyn-skabelon.json`.replace(/[\\/:*?"<>|]/g, '-'),
        text: templateFileText({ name, area, description }, skabeloner.publishedContent(versionId)),
      };
    },
    'skabelon.import': ({ text }) => {
      const parsed = parseTemplateFile(text.replace(/^\uFEFF/, ''));
      if (!parsed.ok) {
        throw new ApiError('VALIDATION', `Filen kan ikke importeres:\n${parsed.errors.join('\n')}`);
      }
      return skabeloner.importTemplate(parsed.file.skabelon, parsed.file.indhold);
    },
  };
}

function throwError(err: Error): never {
  throw err;
}
