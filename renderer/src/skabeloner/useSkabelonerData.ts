import { useCallback } from 'react';
import type { TemplateContentInput, TemplateMeta, VersionDetail } from '../../../shared/domain/template';
import { api } from '../api';
import { downloadTextFile } from '../files';
import { useAction } from '../hooks/useAction';
import { useLoad } from '../hooks/useLoad';
import { useApp } from '../store';

/** The template feature's calls: the list and import, one template's versions, and one version's draft. */

/** All templates, and importing one from a file (it opens as a draft). */
export function useTemplateListData() {
  const navigate = useApp((s) => s.navigate);
  const { data: templates, error } = useLoad(() => api.call('skabelon.list'), []);
  const action = useAction();

  const importFile = (file: File) =>
    action.run(async () => {
      const created = await api.call('skabelon.import', { fileName: file.name, text: await file.text() });
      navigate(
        { name: 'version', skabelonId: created.skabelonId, versionId: created.versionId },
        {
          kind: 'success',
          text: `Skabelonen fra »${file.name}« er importeret som kladde. Gennemse den, og publicér den.`,
        },
      );
    });
  return {
    templates,
    error,
    importError: action.error,
    clearImportError: () => action.setError(undefined),
    importFile,
  };
}

/** One template with its versions, and what can be done with them. */
export function useTemplateData(id: number) {
  const navigate = useApp((s) => s.navigate);
  const { data: template, setData, error, setError, reload } = useLoad(() => api.call('skabelon.get', { id }), [id]);
  const { run, error: actionError, setError: setActionError } = useAction();
  const openVersion = (versionId: number) => navigate({ name: 'version', skabelonId: id, versionId });

  return {
    template,
    error: actionError ?? error,
    clearError: () => {
      setActionError(undefined);
      setError(undefined);
    },
    createDraft: () =>
      run(async () => openVersion((await api.call('skabelon.createDraft', { skabelonId: id })).versionId)),
    copy: (versionId: number, meta: TemplateMeta) =>
      run(async () => {
        const created = await api.call('skabelon.copy', { versionId, meta });
        navigate(
          { name: 'version', skabelonId: created.skabelonId, versionId: created.versionId },
          { kind: 'success', text: `»${meta.name}« er oprettet som kladde. Tilpas spørgsmålene, og publicér.` },
        );
      }),
    updateMeta: (meta: TemplateMeta) => run(async () => setData(await api.call('skabelon.updateMeta', { id, meta }))),
    exportVersion: (versionId: number) =>
      run(async () => {
        const file = await api.call('skabelon.export', { versionId });
        downloadTextFile(file.fileName, file.text);
      }),
    deleteDraft: (versionId: number) =>
      run(async () => {
        await api.call('skabelon.deleteDraft', { versionId });
        await reload();
      }),
  };
}

/** A template version: its content, publishing it, and saving its draft while it is edited. */
export function useVersionData(versionId: number) {
  const setNotice = useApp((s) => s.setNotice);
  const { data: version, setData, error } = useLoad(() => api.call('skabelon.version', { versionId }), [versionId]);
  // The draft as edited, so the preview shows what is on screen before it is saved.
  const showDraft = useCallback(
    (content: VersionDetail['content']) => setData((v) => (v ? { ...v, content } : v)),
    [setData],
  );
  const saveDraft = useCallback(
    async (content: TemplateContentInput) => {
      await api.call('skabelon.saveDraft', { versionId, content });
    },
    [versionId],
  );
  const action = useAction();
  const publish = () =>
    action.run(async () => {
      const published = await api.call('skabelon.publish', { versionId });
      setData(published);
      setNotice({ kind: 'success', text: `Version ${published.nummer} er publiceret og kan nu bruges i nye tilsyn.` });
    });
  return {
    version,
    error: action.error ?? error,
    clearError: () => action.setError(undefined),
    showDraft,
    saveDraft,
    publish,
  };
}
