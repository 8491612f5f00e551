import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type TilsynDatabase } from '../../db/open';
import { createTemplateStore } from '../../db/template-store';
import { createTilsynStore } from '../../db/tilsyn-store';
import { tilsynInputSchema } from '../../shared/domain/tilsyn';
import { makeTempDir, validTilsynInput } from '../support/temp';
import { smallTemplate } from '../support/templates';

const meta = { name: 'Lokal skabelon', area: 'boern_unge' as const, description: '' };
const standard = { id: 'standard-test', meta: { ...meta, name: 'Standard test' }, content: smallTemplate };

let temp: ReturnType<typeof makeTempDir>;
let db: TilsynDatabase;
let store: ReturnType<typeof createTemplateStore>;
beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(join(temp.dir, 'skabeloner.db'));
  store = createTemplateStore(db);
  store.seedDefaults([standard]);
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const standardVersion = () => store.list()[0]?.versions[0]?.id ?? 0;

describe('standard templates', () => {
  it('are seeded once as published version 1, read-only', () => {
    store.seedDefaults([standard]);
    const [t] = store.list();
    expect(t).toMatchObject({ name: 'Standard test', kilde: 'standard', standardId: 'standard-test' });
    expect(t?.versions).toMatchObject([{ nummer: 1, status: 'publiceret', antalAfsnit: 2, antalSpoergsmaal: 3 }]);
    expect(() => store.createDraft(t?.id ?? 0)).toThrow(/Standardskabeloner kan ikke redigeres/);
  });

  it('get a new published version when a release changes them, and keep the old one', () => {
    const changed = structuredClone(smallTemplate);
    changed.sections[0]!.questions[1]!.text = 'Er barnets perspektiv belyst gennem en børnesamtale?';
    store.seedDefaults([{ ...standard, content: changed }]);
    const versions = store.list()[0]?.versions ?? [];
    expect(versions.map((v) => [v.nummer, v.status])).toEqual([
      [2, 'publiceret'],
      [1, 'publiceret'],
    ]);
  });
});

describe('editing a local template', () => {
  it('copies, edits a draft, publishes, and freezes the published version', () => {
    const { skabelonId, versionId } = store.copy(standardVersion(), meta);
    const draft = store.getVersion(versionId);
    expect(draft).toMatchObject({ status: 'kladde', nummer: 1, skabelon: { kilde: 'lokal', name: 'Lokal skabelon' } });

    const edited = structuredClone(draft.content);
    edited.sections[1]!.questions.push({
      key: 'opf.plan',
      text: 'Er der en plan for den videre opfølgning?',
      category: 'kvalitet',
      answerType: 'jnd',
      options: edited.sections[1]!.questions[0]!.options,
    });
    expect(store.saveDraft(versionId, edited).antalSpoergsmaal).toBe(4);
    expect(store.publish(versionId).status).toBe('publiceret');
    expect(() => store.saveDraft(versionId, edited)).toThrow(/publiceret og kan ikke ændres/);
    // Even a direct SQL write cannot change a published version.
    expect(() => db.sqlite.prepare("UPDATE skabelon_version SET indhold = '{}' WHERE id = ?").run(versionId)).toThrow(
      /frozen/,
    );
    expect(store.get(skabelonId).versions).toHaveLength(1);
  });

  it('stores an incomplete draft, but refuses to publish it and lists why', () => {
    const { versionId } = store.copy(standardVersion(), meta);
    const draft = structuredClone(store.getVersion(versionId).content);
    draft.sections[0]!.questions.push({ key: '', text: '', category: 'kvalitet', answerType: 'jnd', options: [] });
    const saved = store.saveDraft(versionId, draft);
    expect(saved.issues.map((i) => i.message)).toEqual(['Angiv en nøgle for spørgsmålet', 'Skriv spørgsmålet']);
    expect(() => store.publish(versionId)).toThrow(/kan ikke publiceres, før de 2 fejl er rettet/);
    expect(store.getVersion(versionId).status).toBe('kladde');
  });

  it('allows one draft at a time, starting from the newest published version', () => {
    const { skabelonId, versionId } = store.copy(standardVersion(), meta);
    store.publish(versionId);
    const { content: v1 } = store.getVersion(versionId);
    const v2 = store.createDraft(skabelonId);
    expect(store.getVersion(v2)).toMatchObject({ nummer: 2, status: 'kladde', content: v1 });
    expect(() => store.createDraft(skabelonId)).toThrow(/allerede en kladde/);
    store.deleteDraft(v2);
    expect(store.get(skabelonId).versions.map((v) => v.nummer)).toEqual([1]);
  });
});

describe('a tilsyn keeps its template version', () => {
  it('still uses v1 after the template is edited to v2', () => {
    const { skabelonId, versionId: v1 } = store.copy(standardVersion(), meta);
    store.publish(v1);
    const tilsyn = createTilsynStore(db).create(
      tilsynInputSchema.parse({ ...validTilsynInput, skabelonVersionId: v1 }),
    );

    const v2 = store.createDraft(skabelonId);
    const changed = structuredClone(store.getVersion(v2).content);
    changed.sections.pop();
    store.saveDraft(v2, changed);
    store.publish(v2);

    const again = createTilsynStore(db).get(tilsyn.id);
    expect(again).toMatchObject({ skabelonVersionId: v1, skabelonVersionNummer: 1, skabelonNavn: 'Lokal skabelon' });
    expect(store.publishedContent(v1).sections).toHaveLength(2);
    expect(store.publishedContent(v2).sections).toHaveLength(1);
    // The version a tilsyn uses cannot be removed from under it.
    expect(() => db.sqlite.prepare('DELETE FROM skabelon WHERE id = ?').run(skabelonId)).toThrow(/FOREIGN KEY/);
  });
});
