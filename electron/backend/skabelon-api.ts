import { ApiError } from '../../shared/api/errors';
import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';
import { parseTemplateFile, templateFileText } from './services/template-file';

/** The question templates: shipped and local ones, their drafts and published versions, export and import. */
export function skabelonApi({ stores }: Services): NamespaceHandlers<'skabelon'> {
  const { templates } = stores;
  return {
    'skabelon.list': () => templates.list(),
    'skabelon.get': ({ id }) => templates.get(id),
    'skabelon.version': ({ versionId }) => templates.getVersion(versionId),
    'skabelon.copy': ({ versionId, meta }) => templates.copy(versionId, meta),
    'skabelon.updateMeta': ({ id, meta }) => templates.updateMeta(id, meta),
    'skabelon.createDraft': ({ skabelonId }) => ({ skabelonId, versionId: templates.createDraft(skabelonId) }),
    'skabelon.saveDraft': ({ versionId, content }) => templates.saveDraft(versionId, content),
    'skabelon.publish': ({ versionId }) => templates.publish(versionId),
    'skabelon.deleteDraft': ({ versionId }) => {
      templates.deleteDraft(versionId);
      return null;
    },
    'skabelon.export': ({ versionId }) => {
      const version = templates.getVersion(versionId);
      if (version.status !== 'publiceret') {
        throw new ApiError('CONFLICT', 'Kun publicerede versioner kan eksporteres. Publicér kladden først.');
      }
      const { name, area, description } = version.skabelon;
      return {
        fileName: `${name} v${version.nummer}.tilsyn-skabelon.json`.replace(/[\\/:*?"<>|]/g, '-'),
        text: templateFileText({ name, area, description }, templates.publishedContent(versionId)),
      };
    },
    'skabelon.import': ({ text }) => {
      const parsed = parseTemplateFile(text.replace(/^\uFEFF/, ''));
      if (!parsed.ok) {
        throw new ApiError('VALIDATION', `Filen kan ikke importeres:\n${parsed.errors.join('\n')}`);
      }
      return templates.importTemplate(parsed.file.skabelon, parsed.file.indhold);
    },
  };
}
