import type { NamespaceHandlers } from './dispatch';
import type { Services } from './services';

/**
 * The caseworker's own selvevaluering (issue #15): a pakke from her leader opened in her file, her answers and
 * reflections saved as she gives them, and the svarpakke she sends back.
 */
export function selvevalueringApi({ selfEvaluation }: Services): NamespaceHandlers<'selvevaluering'> {
  return {
    'selvevaluering.list': () => selfEvaluation.list(),
    'selvevaluering.aabn': ({ fileName, dataBase64 }) =>
      selfEvaluation.open(fileName, Buffer.from(dataBase64, 'base64')),
    'selvevaluering.get': ({ id }) => selfEvaluation.view(id),
    'selvevaluering.svar': (input) => selfEvaluation.answer(input),
    'selvevaluering.refleksion': ({ id, noegle, tekst }) => selfEvaluation.reflect(id, noegle, tekst),
    'selvevaluering.svarfil': ({ id }) => selfEvaluation.answersFile(id),
  };
}
