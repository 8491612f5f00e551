import type { TemplateContentInput, TemplateMeta } from '../../../shared/domain/template';

/** A template shipped with the app. `id` is stable across releases so an installed copy can be recognised. */
export interface DefaultTemplate {
  id: string;
  meta: TemplateMeta;
  content: TemplateContentInput;
}

export type SectionInput = TemplateContentInput['sections'][number];
