import fc from 'fast-check';
import { optionError, readArray, readInteger, readObject, readOneOf, rejectUnknownOptions } from '../../core/index.js';
import type { Item, TableSpec } from '../../table/index.js';
import { usableNames } from './buildAttributes.js';
import { actionTable, type ActionSwitches, type EventName } from './changeActions.js';
import { ChangeInterpreter, type ChangeIntent } from './ChangeInterpreter.js';
import { VOCABULARY_SEEDS, vocabulary } from './vocabulary.js';

/** Options of `changeSequence` (see there). */
export interface ChangeSequenceOptions {
  minLength?: number;
  maxLength?: number;
  eventNames?: readonly EventName[];
  keyCount?: number;
  hotKeys?: number;
  largeItems?: boolean;
  ttl?: boolean;
  transactions?: boolean;
  noOps?: boolean;
  item?: fc.Arbitrary<Item>;
}

const KNOWN: readonly (keyof ChangeSequenceOptions)[] = ['minLength', 'maxLength', 'eventNames', 'keyCount', 'hotKeys', 'largeItems', 'ttl', 'transactions', 'noOps', 'item'];
const EVENT_NAMES: readonly EventName[] = ['INSERT', 'MODIFY', 'REMOVE'];
const MAX_KEYS = 100_000;

/** Raw, table-independent draws of a change sequence: the faker seed and one intent per operation. */
export interface RawChanges {
  readonly fakerSeed: number;
  readonly intents: readonly ChangeIntent[];
}

export interface QualifiedChangeOptions {
  readonly switches: ActionSwitches;
  /** `ttl: true` was given: TTL deletes even on a table without a TTL attribute. */
  readonly forcedTtl: boolean;
  readonly largeItems: boolean | undefined;
  readonly arbitrary: fc.Arbitrary<RawChanges>;
}

/** Validates the options once and builds the raw arbitrary; `path` names the caller in errors. */
export function qualifyChangeOptions(options: ChangeSequenceOptions | undefined, ttlDefault: boolean, path: string): QualifiedChangeOptions {
  const o = readObject(path, options ?? {}) as ChangeSequenceOptions;
  rejectUnknownOptions(path, o, KNOWN);
  const listed = o.eventNames === undefined ? EVENT_NAMES : readArray(`${path}.eventNames`, o.eventNames).map((name, i) => readOneOf(`${path}.eventNames[${i}]`, name, EVENT_NAMES));
  const eventNames = new Set(listed);
  if (!eventNames.has('INSERT')) {
    throw optionError(`${path}.eventNames`, 'must include INSERT: the table starts empty, so MODIFY and REMOVE records need an earlier INSERT', o.eventNames);
  }
  const minLength = o.minLength === undefined ? 0 : readInteger(`${path}.minLength`, o.minLength, 0, 10_000);
  const maxLength = o.maxLength === undefined ? Math.max(200, minLength) : readInteger(`${path}.maxLength`, o.maxLength, minLength, 10_000, `must be an integer in ${minLength}..10000 (at least minLength)`);
  const insertOnly = eventNames.size === 1;
  const keyCount = o.keyCount === undefined ? (insertOnly ? Math.min(MAX_KEYS, Math.max(32, 4 * maxLength)) : 32) : readInteger(`${path}.keyCount`, o.keyCount, 1, MAX_KEYS);
  const hotKeys = o.hotKeys === undefined ? undefined : readInteger(`${path}.hotKeys`, o.hotKeys, 0, keyCount, `must be an integer in 0..keyCount (${keyCount})`);
  const switches: ActionSwitches = {
    eventNames,
    ttl: flag(o.ttl, `${path}.ttl`, ttlDefault),
    transactions: flag(o.transactions, `${path}.transactions`, true),
    noOps: flag(o.noOps, `${path}.noOps`, true),
  };
  const largeItems = o.largeItems === undefined ? undefined : flag(o.largeItems, `${path}.largeItems`, false);
  if (o.item !== undefined && !(o.item instanceof fc.Arbitrary)) throw optionError(`${path}.item`, 'must be a fast-check arbitrary of items', o.item);
  const table = actionTable(switches);
  const intent = (key: fc.Arbitrary<number>): fc.Arbitrary<ChangeIntent> =>
    o.item === undefined
      ? fc.tuple(fc.integer({ min: 0, max: table.total - 1 }), key, GAP, fc.nat())
      : fc.tuple(fc.integer({ min: 0, max: table.total - 1 }), key, GAP, fc.nat(), o.item);
  const sequence = (key: fc.Arbitrary<number>): fc.Arbitrary<RawChanges> =>
    fc.record({ fakerSeed: fc.nat({ max: VOCABULARY_SEEDS - 1 }), intents: fc.array(intent(key), { minLength, maxLength, size: 'max' }) });
  const hot = (h: number) => fc.oneof({ weight: 4, arbitrary: fc.nat({ max: h - 1 }) }, { weight: 1, arbitrary: fc.nat({ max: keyCount - 1 }) });
  const uniform = fc.nat({ max: keyCount - 1 });
  let arbitrary: fc.Arbitrary<RawChanges>;
  if (hotKeys !== undefined) arbitrary = sequence(hotKeys === 0 ? uniform : hot(hotKeys));
  else if (insertOnly) arbitrary = sequence(uniform);
  // Per sequence: uniform keys, or 1..3 hot keys taking most writes (never more than exist).
  else arbitrary = fc.oneof(sequence(uniform), ...[1, 2, 3].filter((h) => h <= keyCount).map((h) => sequence(hot(h))));
  return { switches, forcedTtl: o.ttl === true, largeItems, arbitrary };
}

/**
 * Bursts (same instant), steady traffic, pauses, and now and then a quiet period of minutes; a
 * gap shrinks towards no gap at all.
 */
const GAP: fc.Arbitrary<number> = fc.oneof(
  { withCrossShrink: true },
  { weight: 35, arbitrary: fc.constant(0) },
  { weight: 40, arbitrary: fc.integer({ min: 1, max: 250 }) },
  { weight: 17, arbitrary: fc.integer({ min: 251, max: 5_000 }) },
  { weight: 6, arbitrary: fc.integer({ min: 5_001, max: 120_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 120_001, max: 1_800_000 }) },
);

function flag(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw optionError(path, 'must be true or false', value);
  return value;
}

/** The operations of raw changes on a table, plus what the scenario builder needs to know about them. */
export function interpretChanges(spec: TableSpec, q: QualifiedChangeOptions, raw: RawChanges): ChangeInterpreter {
  const keyNames = spec.sortKey === undefined ? [spec.partitionKey.name] : [spec.partitionKey.name, spec.sortKey.name];
  const ttlName = spec.ttlAttribute !== undefined && !keyNames.includes(spec.ttlAttribute) ? spec.ttlAttribute : undefined;
  const reserved = [...keyNames, ...(ttlName === undefined ? [] : [ttlName])];
  const versionName = freeName(['version', 'rev', '_version'], reserved);
  const payloadName = freeName(['payload', 'document', '_payload'], [...reserved, versionName]);
  const interpreter = new ChangeInterpreter({
    spec,
    vocabulary: vocabulary(raw.fakerSeed),
    names: usableNames([...reserved, versionName, payloadName]),
    versionName,
    payloadName,
    ttlName,
    ttlDeletes: ttlName !== undefined || q.forcedTtl,
    actions: actionTable(q.switches),
    switches: q.switches,
    largeOneIn: q.largeItems === false ? 0 : q.largeItems === true ? 24 : 400,
    largeMax: q.largeItems === true ? 3 : 1,
  });
  for (const intent of raw.intents) interpreter.apply(intent);
  return interpreter;
}

function freeName(candidates: readonly string[], taken: readonly string[]): string {
  return candidates.find((name) => !taken.includes(name)) ?? `_${taken.join('_')}`;
}
