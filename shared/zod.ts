import { z } from 'zod';

// Every schema in Tilsyn is built from this `z`, so zod's own messages (e.g. for an unknown field in an
// imported file) are Danish too; the schemas' own messages are written in Danish where they are defined.
z.config(z.locales.da());

export { z };
