import type fc from 'fast-check';
import { readFinite, readInteger, readObject, rejectUnknownOptions, type Millis } from '../core/index.js';
import type { TopologyEvent } from '../stream/index.js';
import { TOPOLOGY_KINDS, interpretTopology, readTopologyKinds, topologyIntents, type TopologyKind } from './_internals/topologyIntents.js';

export interface ShardTopologyOptions {
  /** Shards open at the start (ordinals 0..shardCount-1); default 1. */
  shardCount?: number;
  /** Default 4. */
  maxEvents?: number;
  /** Events happen in [0, horizonMs]; default 60 000. */
  horizonMs?: Millis;
  /** Default both. */
  kinds?: readonly TopologyKind[];
}

const KNOWN: readonly (keyof ShardTopologyOptions)[] = ['shardCount', 'maxEvents', 'horizonMs', 'kinds'];

/**
 * Shard rollovers and splits at virtual instants (R7), for `stream.topology`. Every event names a
 * shard that is open at its instant, numbering children as the stream does (the next ordinals in
 * creation order), so any generated list is accepted by the stream. Shrinks towards fewer events,
 * rollovers rather than splits (fewer shards), earlier instants and the first open shard.
 */
export function shardTopology(options?: ShardTopologyOptions): fc.Arbitrary<TopologyEvent[]> {
  const o = readObject('shardTopology.options', options ?? {});
  rejectUnknownOptions('shardTopology.options', o, KNOWN);
  const shardCount = o.shardCount === undefined ? 1 : readInteger('shardTopology.options.shardCount', o.shardCount, 1, 64);
  const maxEvents = o.maxEvents === undefined ? 4 : readInteger('shardTopology.options.maxEvents', o.maxEvents, 0, 16);
  const horizonMs = o.horizonMs === undefined ? 60_000 : readFinite('shardTopology.options.horizonMs', o.horizonMs);
  const kinds = o.kinds === undefined ? TOPOLOGY_KINDS : readTopologyKinds(o.kinds, 'shardTopology.options.kinds');
  return topologyIntents(maxEvents, kinds).map((intents) => interpretTopology(intents, shardCount, horizonMs).events);
}
