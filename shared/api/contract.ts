import { z } from 'zod';
import { type Tilsyn, type TilsynSummary, tilsynIdSchema, tilsynInputSchema } from '../domain/tilsyn';

/**
 * The one API contract. Every method is named once here with its input schema and result type;
 * the preload bridge, the IPC handlers, the browser host and the client are all derived from it.
 */
interface MethodSpec<I extends z.ZodType, R> {
  input: I;
  /** Type-only marker for the result; never read at run time. */
  result?: R;
}

function method<I extends z.ZodType, R>(input: I): MethodSpec<I, R> {
  return { input };
}

const noInput = z.object({}).strict();

export interface AppInfo {
  appName: string;
  version: string;
  /** Absolute path of the open database file. */
  databasePath: string;
  schemaVersion: number;
  /** 'electron' or 'browser'. */
  mode: 'electron' | 'browser';
}

export const contract = {
  'app.info': method<typeof noInput, AppInfo>(noInput),
  'tilsyn.list': method<typeof noInput, TilsynSummary[]>(noInput),
  'tilsyn.get': method<z.ZodObject<{ id: typeof tilsynIdSchema }>, TilsynSummary>(
    z.object({ id: tilsynIdSchema }).strict(),
  ),
  'tilsyn.create': method<typeof tilsynInputSchema, Tilsyn>(tilsynInputSchema),
  'tilsyn.update': method<z.ZodObject<{ id: typeof tilsynIdSchema; data: typeof tilsynInputSchema }>, Tilsyn>(
    z.object({ id: tilsynIdSchema, data: tilsynInputSchema }).strict(),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = NonNullable<Contract[M]['result']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
