import { deepFreeze, readBoolean, readObject, readOneOf, rejectUnknownOptions } from '../core/index.js';
import { DEFAULT_SEMANTICS, type Semantics } from './semantics.js';

type Choices = { readonly [K in keyof Semantics]: Semantics[K] extends boolean ? 'boolean' : readonly Semantics[K][] };

const CHOICES: Choices = {
  resetRetriesOnPartialProgress: 'boolean',
  unknownItemIdentifier: ['fail', 'ignore'],
  nonObjectResponse: ['fail', 'success'],
  laneKey: ['partitionKey', 'itemKey'],
  laneFailureBlocks: ['lane', 'shard'],
  s3PayloadForm: ['object', 'string'],
};

/** Overrides of the knobs (docs/rules.md, Knobs); anything not given keeps its default. */
export function resolveSemantics(params: Partial<Semantics> | undefined, path = 'semantics'): Semantics {
  const p = readObject(path, params ?? {});
  const keys = Object.keys(CHOICES) as (keyof Semantics)[];
  rejectUnknownOptions(path, p, keys);
  const resolved: Record<string, unknown> = { ...DEFAULT_SEMANTICS };
  for (const key of keys) {
    const value = p[key];
    if (value === undefined) continue;
    const choice = CHOICES[key];
    resolved[key] = choice === 'boolean' ? readBoolean(`${path}.${key}`, value) : readOneOf(`${path}.${key}`, value, choice);
  }
  return deepFreeze(resolved as unknown as Semantics);
}
