import type { TemplateStore } from '../../../db/template-store';
import { ApiError } from '../../../shared/api/errors';
import { missingSectionDependencies } from '../../../shared/domain/rules';
import type { TemplateContent } from '../../../shared/domain/template';
import type { TilsynData } from '../../../shared/domain/tilsyn';

/** A tilsyn uses a published version, and a tematiseret one only afsnit that version has. */
export function checkTemplateChoice(
  templates: TemplateStore,
  data: Pick<TilsynData, 'skabelonVersionId' | 'afsnit'>,
): void {
  let content: TemplateContent;
  try {
    content = templates.publishedContent(data.skabelonVersionId);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const message = 'Vælg en publiceret skabelon';
    throw new ApiError('VALIDATION', message, { skabelonVersionId: message });
  }
  const unknown = (data.afsnit ?? []).filter((key) => !content.sections.some((s) => s.key === key));
  if (unknown.length > 0) {
    const message = `Afsnittet »${unknown[0]}« findes ikke i den valgte skabelon`;
    throw new ApiError('VALIDATION', message, { afsnit: message });
  }
  const [missing] = data.afsnit ? missingSectionDependencies(content, data.afsnit) : [];
  if (missing) {
    const needs = missing.needs.map((s) => `»${s.title}«`).join(' og ');
    const message = `Afsnittet »${missing.section.title}« afhænger af svar i ${needs}: vælg ${missing.needs.length > 1 ? 'dem' : 'det'} også, ellers stilles spørgsmålene aldrig.`;
    throw new ApiError('VALIDATION', message, { afsnit: message });
  }
}
