import { ApiError } from '../../shared/api/errors';
import { parseTemplateFile, templateFileText } from '../../shared/domain/template-file';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

/** The question templates: shipped and local ones, their drafts and published versions, export and import. */
export function skabelonApi({ stores }: Services): NamespaceHandlers<'skabelon'> {
  const { skabeloner } = stores;
  return {
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
