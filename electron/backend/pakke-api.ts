import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

/**
 * Pakker (issue #15): a resultatpakke of afsluttede rounds and reading one into this file; a fuld pakke of a tilsyn
 * and reading one back (with the leader's choice when it was changed in both places); a selvevalueringspakke
 * per caseworker and reading her svarpakke back into the tilsyn; a pakke to a second reviewer (issue #16) likewise.
 */
export function pakkeApi({ bundles, fullBundles, selfBundles, secondBundles }: Services): NamespaceHandlers<'pakke'> {
  const bytes = (dataBase64: string) => Buffer.from(dataBase64, 'base64');
  return {
    'pakke.resultater': (request) => bundles.exportResults(request),
    'pakke.indlaes': ({ fileName, dataBase64 }) => bundles.importBundle(fileName, bytes(dataBase64)),
    'pakke.fuld': ({ tilsynId }) => fullBundles.exportFull(tilsynId),
    'pakke.indlaesFuld': ({ fileName, dataBase64, valg }) => fullBundles.importFull(fileName, bytes(dataBase64), valg),
    'pakke.selvevaluering': ({ tilsynId, sagsbehandler }) => selfBundles.exportSelf(tilsynId, sagsbehandler),
    'pakke.selvevalueringer': ({ tilsynId }) => selfBundles.status(tilsynId),
    'pakke.andenGennemgang': ({ tilsynId }) => secondBundles.exportSecond(tilsynId),
    'pakke.svar': ({ fileName, dataBase64 }) => selfBundles.importAnswers(fileName, bytes(dataBase64)),
  };
}
