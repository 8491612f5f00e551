import { and, asc, desc, eq } from 'drizzle-orm';
import { ApiError, notFound } from '../shared/api/errors';
import {
  type TemplateContent,
  type TemplateContentInput,
  type TemplateMeta,
  type TemplateRecord,
  type TemplateSource,
  type TemplateSummary,
  templateContentSchema,
  type VersionDetail,
  type VersionStatus,
  type VersionSummary,
} from '../shared/domain/template';
import { validateTemplateContent } from '../shared/domain/template-validation';
import type { TilsynDatabase } from './open';
import { skabelon, skabelonVersion } from './schema';

export interface DefaultTemplateData {
  id: string;
  meta: TemplateMeta;
  content: TemplateContentInput;
}

export function createTemplateStore(db: TilsynDatabase, now: () => Date = () => new Date()) {
  const { orm, sqlite } = db;
  const stamp = () => now().toISOString();
  // Published versions never change (a trigger enforces it), so their parsed content can be kept.
  const publishedCache = new Map<number, TemplateContent>();

  function templateRow(id: number) {
    const row = orm.select().from(skabelon).where(eq(skabelon.id, id)).get();
    if (!row) throw notFound('Skabelonen', 'den');
    return toMeta(row);
  }

  function versionRow(versionId: number) {
    const row = orm.select().from(skabelonVersion).where(eq(skabelonVersion.id, versionId)).get();
    if (!row) throw notFound('Skabelonversionen', 'den');
    return row;
  }

  function requireDraft(versionId: number) {
    const row = versionRow(versionId);
    if (row.status !== 'kladde') {
      throw new ApiError('CONFLICT', 'Versionen er publiceret og kan ikke ændres. Opret en ny kladde for at redigere.');
    }
    return row;
  }

  function requireEditable(templateId: number) {
    const row = templateRow(templateId);
    if (row.kilde === 'standard') {
      throw new ApiError(
        'CONFLICT',
        'Standardskabeloner kan ikke redigeres. Kopiér skabelonen for at tilpasse den lokalt.',
      );
    }
    return row;
  }

  function insertTemplate(meta: TemplateMeta, kilde: TemplateSource, standardId: string | null = null): number {
    const at = stamp();
    return orm
      .insert(skabelon)
      .values({
        navn: meta.name,
        omraade: meta.area,
        beskrivelse: meta.description,
        kilde,
        standardId,
        oprettet: at,
        aendret: at,
      })
      .returning({ id: skabelon.id })
      .get().id;
  }

  function insertVersion(templateId: number, content: TemplateContentInput, status: VersionStatus): number {
    const last = orm
      .select({ nummer: skabelonVersion.nummer })
      .from(skabelonVersion)
      .where(eq(skabelonVersion.skabelonId, templateId))
      .orderBy(desc(skabelonVersion.nummer))
      .get();
    const at = stamp();
    return orm
      .insert(skabelonVersion)
      .values({
        skabelonId: templateId,
        nummer: (last?.nummer ?? 0) + 1,
        status,
        indhold: JSON.stringify(content),
        oprettet: at,
        publiceret: status === 'publiceret' ? at : null,
      })
      .returning({ id: skabelonVersion.id })
      .get().id;
  }

  function touch(templateId: number) {
    orm.update(skabelon).set({ aendret: stamp() }).where(eq(skabelon.id, templateId)).run();
  }

  /** Changes a draft version and marks its template as changed. */
  function updateDraft(
    row: { id: number; skabelonId: number },
    set: Partial<Pick<typeof skabelonVersion.$inferInsert, 'indhold' | 'status' | 'publiceret'>>,
  ) {
    orm.update(skabelonVersion).set(set).where(eq(skabelonVersion.id, row.id)).run();
    touch(row.skabelonId);
  }

  function latestPublished(templateId: number) {
    return orm
      .select()
      .from(skabelonVersion)
      .where(and(eq(skabelonVersion.skabelonId, templateId), eq(skabelonVersion.status, 'publiceret')))
      .orderBy(desc(skabelonVersion.nummer))
      .get();
  }

  const store = {
    list(): TemplateSummary[] {
      const versions = orm.select().from(skabelonVersion).orderBy(desc(skabelonVersion.nummer)).all();
      return orm
        .select()
        .from(skabelon)
        .orderBy(asc(skabelon.kilde), asc(skabelon.navn))
        .all()
        .map((row) => ({
          ...toMeta(row),
          versions: versions.filter((v) => v.skabelonId === row.id).map(toSummary),
        }));
    },

    get(id: number): TemplateSummary {
      const versions = orm
        .select()
        .from(skabelonVersion)
        .where(eq(skabelonVersion.skabelonId, id))
        .orderBy(desc(skabelonVersion.nummer))
        .all();
      return { ...templateRow(id), versions: versions.map(toSummary) };
    },

    getVersion(versionId: number): VersionDetail {
      const row = versionRow(versionId);
      const content = JSON.parse(row.indhold) as TemplateContentInput;
      const issues = row.status === 'kladde' ? validateTemplateContent(content).issues : [];
      return { ...toSummary(row), skabelon: templateRow(row.skabelonId), content, issues };
    },

    /** The parsed content of a published version, as a review uses it. */
    publishedContent(versionId: number): TemplateContent {
      const cached = publishedCache.get(versionId);
      if (cached) return cached;
      const row = versionRow(versionId);
      if (row.status !== 'publiceret') throw new ApiError('CONFLICT', 'Skabelonversionen er ikke publiceret endnu.');
      const content = templateContentSchema.parse(JSON.parse(row.indhold));
      publishedCache.set(versionId, content);
      return content;
    },

    /** A new local template whose first draft is a copy of the given version. */
    copy(versionId: number, meta: TemplateMeta): { skabelonId: number; versionId: number } {
      return sqlite.transaction(() => {
        const source = versionRow(versionId);
        const templateId = insertTemplate(meta, 'lokal');
        // The copy continues the source's history: its rounds are one development with the source's.
        sqlite.prepare('UPDATE skabelon SET kopi_af = ? WHERE id = ?').run(source.skabelonId, templateId);
        return { skabelonId: templateId, versionId: insertVersion(templateId, JSON.parse(source.indhold), 'kladde') };
      })();
    },

    /** A draft that starts from the newest published version. */
    createDraft(templateId: number): number {
      return sqlite.transaction(() => {
        requireEditable(templateId);
        const existing = orm
          .select({ id: skabelonVersion.id })
          .from(skabelonVersion)
          .where(and(eq(skabelonVersion.skabelonId, templateId), eq(skabelonVersion.status, 'kladde')))
          .get();
        if (existing)
          throw new ApiError('CONFLICT', 'Skabelonen har allerede en kladde. Redigér den, eller slet den først.');
        const base = latestPublished(templateId);
        touch(templateId);
        return insertVersion(templateId, base ? JSON.parse(base.indhold) : { dateFields: [], sections: [] }, 'kladde');
      })();
    },

    saveDraft(versionId: number, content: TemplateContentInput): VersionDetail {
      sqlite.transaction(() => {
        const row = requireDraft(versionId);
        requireEditable(row.skabelonId);
        updateDraft(row, { indhold: JSON.stringify(content) });
      })();
      return store.getVersion(versionId);
    },

    /** Freezes a draft. Refused, with every problem listed, while the content has issues. */
    publish(versionId: number): VersionDetail {
      sqlite.transaction(() => {
        const row = requireDraft(versionId);
        const { content, issues } = validateTemplateContent(JSON.parse(row.indhold));
        if (!content || issues.length > 0) {
          throw new ApiError(
            'VALIDATION',
            `Versionen kan ikke publiceres, før ${issues.length === 1 ? 'fejlen er rettet' : `de ${issues.length} fejl er rettet`}.`,
          );
        }
        updateDraft(row, { indhold: JSON.stringify(content), status: 'publiceret', publiceret: stamp() });
      })();
      return store.getVersion(versionId);
    },

    deleteDraft(versionId: number): void {
      const row = requireDraft(versionId);
      orm.delete(skabelonVersion).where(eq(skabelonVersion.id, versionId)).run();
      touch(row.skabelonId);
    },

    updateMeta(id: number, meta: TemplateMeta): TemplateSummary {
      requireEditable(id);
      orm
        .update(skabelon)
        .set({ navn: meta.name, omraade: meta.area, beskrivelse: meta.description, aendret: stamp() })
        .where(eq(skabelon.id, id))
        .run();
      return store.get(id);
    },

    /** An imported file becomes a new local template with one draft, to be checked and published. */
    importTemplate(meta: TemplateMeta, content: TemplateContent): { skabelonId: number; versionId: number } {
      return sqlite.transaction(() => {
        const templateId = insertTemplate(meta, 'importeret');
        return { skabelonId: templateId, versionId: insertVersion(templateId, content, 'kladde') };
      })();
    },

    /**
     * Makes sure the shipped templates are present. When a new release changes one, its content is added
     * as a new published version, so tilsyn on the earlier version keep what they were started with.
     */
    seedDefaults(defaults: readonly DefaultTemplateData[]): void {
      const contents = defaults.map((def) => JSON.stringify(templateContentSchema.parse(def.content)));
      const current = (def: DefaultTemplateData, i: number) => {
        const existing = orm.select().from(skabelon).where(eq(skabelon.standardId, def.id)).get();
        return existing !== undefined && latestPublished(existing.id)?.indhold === contents[i];
      };
      // Read first: a start whose templates are all current writes nothing (its file's check can wait: db/integrity.ts).
      if (defaults.every(current)) return;
      sqlite.transaction(() => {
        for (const [i, def] of defaults.entries()) {
          const content = contents[i] ?? '';
          const existing = orm.select().from(skabelon).where(eq(skabelon.standardId, def.id)).get();
          if (!existing) {
            const templateId = insertTemplate(def.meta, 'standard', def.id);
            insertVersion(templateId, JSON.parse(content), 'publiceret');
            continue;
          }
          if (latestPublished(existing.id)?.indhold !== content) {
            insertVersion(existing.id, JSON.parse(content), 'publiceret');
            orm
              .update(skabelon)
              .set({ navn: def.meta.name, omraade: def.meta.area, beskrivelse: def.meta.description, aendret: stamp() })
              .where(eq(skabelon.id, existing.id))
              .run();
          }
        }
      })();
    },
  };
  return store;
}

export type TemplateStore = ReturnType<typeof createTemplateStore>;

function toMeta(row: typeof skabelon.$inferSelect): TemplateRecord {
  return {
    id: row.id,
    name: row.navn,
    area: row.omraade,
    description: row.beskrivelse,
    kilde: row.kilde,
    standardId: row.standardId,
    oprettet: row.oprettet,
    aendret: row.aendret,
  };
}

function toSummary(row: typeof skabelonVersion.$inferSelect): VersionSummary {
  const content = JSON.parse(row.indhold) as { sections?: { questions?: unknown[] }[] };
  const sections = content.sections ?? [];
  return {
    id: row.id,
    skabelonId: row.skabelonId,
    nummer: row.nummer,
    status: row.status,
    oprettet: row.oprettet,
    publiceret: row.publiceret,
    antalAfsnit: sections.length,
    antalSpoergsmaal: sections.reduce((n, s) => n + (s.questions?.length ?? 0), 0),
  };
}
