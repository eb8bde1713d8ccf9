import fc from 'fast-check';
import { optionError, readArray, readOneOf, type Millis } from '../../core/index.js';
import type { TopologyEvent } from '../../stream/index.js';

/** `[kind (0 rollover, 1 split), instant in millionths of the horizon, which open shard]`. */
export type TopologyIntent = readonly [kind: number, at: number, pick: number];

export const TIME_UNITS = 1_000_000;

export type TopologyKind = TopologyEvent['kind'];

export function topologyIntents(maxEvents: number, kinds: readonly TopologyKind[]): fc.Arbitrary<TopologyIntent[]> {
  const kind = kinds.length === 2 ? fc.nat({ max: 1 }) : fc.constant(kinds[0] === 'split' ? 1 : 0);
  return fc.array(fc.tuple(kind, fc.nat({ max: TIME_UNITS }), fc.nat()), { maxLength: maxEvents });
}

export interface InterpretedTopology {
  readonly events: TopologyEvent[];
  /** Shards that ever exist (ordinals 0..shards-1). */
  readonly shards: number;
  /** Longest parent chain: 0 without events. */
  readonly depth: number;
}

/**
 * Events in time order, each naming a shard open at its instant, as the stream numbers them
 * (children take the next ordinals, a split two, a rollover one; R7). Order is by instant, ties
 * in list order, which is also the order the stream applies them.
 */
export function interpretTopology(intents: readonly TopologyIntent[], shardCount: number, horizonMs: Millis): InterpretedTopology {
  const sorted = intents.map((intent, index) => ({ intent, index })).sort((a, b) => a.intent[1] - b.intent[1] || a.index - b.index);
  const open = Array.from({ length: shardCount }, (_, i) => i);
  const depthOf = open.map(() => 0);
  const events: TopologyEvent[] = [];
  let depth = 0;
  for (const { intent } of sorted) {
    const [kindRaw, atRaw, pick] = intent;
    const kind: TopologyKind = kindRaw === 1 ? 'split' : 'rollover';
    const shard = open.splice(pick % open.length, 1)[0]!;
    const children = kind === 'split' ? 2 : 1;
    for (let c = 0; c < children; c++) {
      open.push(depthOf.length);
      depthOf.push(depthOf[shard]! + 1);
      depth = Math.max(depth, depthOf[shard]! + 1);
    }
    events.push({ kind, at: Math.floor((atRaw * horizonMs) / TIME_UNITS), shard });
  }
  return { events, shards: depthOf.length, depth };
}

/** Kinds in shrink order: a rollover makes one shard, a split two. */
export const TOPOLOGY_KINDS: readonly TopologyKind[] = ['rollover', 'split'];

/** A non-empty list of topology kinds, in shrink order. */
export function readTopologyKinds(value: unknown, path: string): readonly TopologyKind[] {
  const list = readArray(path, value).map((kind, i) => readOneOf(`${path}[${i}]`, kind, TOPOLOGY_KINDS));
  if (list.length === 0) throw optionError(path, 'must name at least one of rollover, split', value);
  return TOPOLOGY_KINDS.filter((kind) => list.includes(kind));
}
