import type { Millis } from '../core/index.js';

/** A shard closes at `at` and hands its key range to one child (rollover) or two (split) (R7). */
export interface TopologyEvent {
  readonly kind: 'split' | 'rollover';
  readonly at: Millis;
  /** Shard ordinal, in creation order (initial shards are 0..shardCount-1). */
  readonly shard: number;
}

export interface StreamParameters {
  /** Open shards at the start, 1..64. Default 1. */
  shardCount?: number;
  topology?: readonly TopologyEvent[];
  /** Records are trimmed this long after 24 h retention ends (R6); default 0. */
  trimLagMs?: Millis;
  /** First sequence number (decimal string, 21..40 digits); default derived from the seed. */
  sequenceStart?: string;
}

export interface StreamConfig {
  readonly shardCount: number;
  readonly topology: readonly TopologyEvent[];
  readonly retentionMs: Millis;
  readonly trimLagMs: Millis;
  readonly sequenceStart: string | undefined;
}
