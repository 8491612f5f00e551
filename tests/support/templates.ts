import type { TilsynDatabase } from '../../db/open';
import { createTemplateStore } from '../../db/template-store';
import { DEFAULT_TEMPLATES } from '../../electron/backend/skabeloner';
import { JND_OPTIONS, type TemplateContentInput } from '../../shared/domain/template';

/** A small, valid template for store and API tests (the shipped ones are tested on their own). */
export const smallTemplate: TemplateContentInput = {
  dateFields: [
    { key: 'opmaerksomhed', label: 'Kommunen blev opmærksom' },
    { key: 'bfu_afsluttet', label: 'BFU afsluttet' },
  ],
  sections: [
    {
      key: 'bfu',
      title: 'Børnefaglig undersøgelse',
      questions: [
        {
          key: 'bfu.frist',
          text: 'Er undersøgelsen afsluttet inden for 4 måneder?',
          category: 'lovmedholdelighed',
          answerType: 'frist',
          frist: { fra: 'opmaerksomhed', til: 'bfu_afsluttet', graense: 4, enhed: 'maaneder' },
          target: 100,
        },
        {
          key: 'bfu.samtale',
          text: 'Er der holdt børnesamtale?',
          category: 'lovmedholdelighed',
          answerType: 'jnd',
          options: JND_OPTIONS,
        },
      ],
    },
    {
      key: 'opfoelgning',
      title: 'Opfølgning',
      questions: [
        {
          key: 'opf.rettidig',
          text: 'Er der fulgt op rettidigt?',
          category: 'proces',
          answerType: 'jnd',
          options: JND_OPTIONS,
        },
      ],
    },
  ],
};

/** Seeds the shipped templates, as the backend does at start; validTilsynInput uses the first one's version. */
export function seedTemplates(db: TilsynDatabase): void {
  createTemplateStore(db).seedDefaults(DEFAULT_TEMPLATES);
}
