import { BESKAEFTIGELSE_RETTIDIGHED } from './beskaeftigelse-rettidighed';
import { BOERN_UNGE_OVERORDNET } from './boern-unge-overordnet';
import { BOERN_UNGE_TEMATISERET } from './boern-unge-tematiseret';
import type { DefaultTemplate } from './types';

export type { DefaultTemplate } from './types';

/** The templates shipped with the app, in the order they are offered. */
export const DEFAULT_TEMPLATES: DefaultTemplate[] = [
  BOERN_UNGE_OVERORDNET,
  BOERN_UNGE_TEMATISERET,
  BESKAEFTIGELSE_RETTIDIGHED,
];
