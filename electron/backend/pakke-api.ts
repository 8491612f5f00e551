import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

/** Pakker (issue #15): making a resultatpakke of afsluttede rounds, and reading a pakke into this file. */
export function pakkeApi({ bundles }: Services): NamespaceHandlers<'pakke'> {
  return {
    'pakke.resultater': (request) => bundles.exportResults(request),
    'pakke.indlaes': ({ fileName, dataBase64 }) => bundles.importBundle(fileName, Buffer.from(dataBase64, 'base64')),
  };
}
