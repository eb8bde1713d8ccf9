import { Prng, invariant, optionError } from '../core/index.js';
import type { TopologyEvent } from './streamConfig.js';
import { shardHashOf } from './shardHashOf.js';

const HASH_SPACE = 2 ** 32;

export interface ShardState {
  readonly ordinal: number;
  readonly id: string;
  readonly parents: readonly number[];
  readonly createdAt: number;
  closedAt: number | undefined;
  /** Hash range [low, high) of partition keys this shard takes. */
  readonly low: number;
  readonly high: number;
}

/** The shards of a stream over time: which are open, and which takes a partition key (R7). */
export class ShardTopology {
  readonly shards: ShardState[] = [];
  private readonly ids = new Set<string>();

  constructor(shardCount: number, private readonly prng: Prng, private readonly startEpochMs: number) {
    for (let i = 0; i < shardCount; i++) {
      this.open([], 0, Math.floor((i * HASH_SPACE) / shardCount), Math.floor(((i + 1) * HASH_SPACE) / shardCount));
    }
  }

  /** The open shard whose hash range holds the key's {@link shardHashOf}. */
  route(partitionKey: string): ShardState {
    const hash = shardHashOf(partitionKey);
    const shard = this.shards.find((s) => s.closedAt === undefined && s.low <= hash && hash < s.high);
    invariant(shard !== undefined, `no open shard takes hash ${hash}`);
    return shard;
  }

  /** Closes the named shard and hands its range to one child (rollover) or two halves (split). */
  apply(event: TopologyEvent, path: string): void {
    const parent = this.shards[event.shard];
    if (parent === undefined || parent.closedAt !== undefined) {
      const exist = this.shards.length === 1 ? '0 exists' : `0..${this.shards.length - 1} exist`;
      const closed = parent === undefined ? '' : `, shard ${parent.ordinal} closed at ${parent.closedAt}`;
      throw optionError(`${path}.shard`, `must name an open shard (${exist}${closed})`, event.shard);
    }
    if (event.kind === 'split' && parent.high - parent.low < 2) {
      throw optionError(`${path}.shard`, 'must name a shard whose hash range can still be halved', event.shard);
    }
    parent.closedAt = event.at;
    if (event.kind === 'rollover') {
      this.open([parent.ordinal], event.at, parent.low, parent.high);
    } else {
      const middle = parent.low + Math.floor((parent.high - parent.low) / 2);
      this.open([parent.ordinal], event.at, parent.low, middle);
      this.open([parent.ordinal], event.at, middle, parent.high);
    }
  }

  private open(parents: number[], createdAt: number, low: number, high: number): void {
    // Like DynamoDB's ids: the creation time in epoch ms, zero-padded, then a random suffix.
    const stamp = String(this.startEpochMs + createdAt).padStart(20, '0');
    let id: string;
    do id = `shardId-${stamp}-${this.prng.hex(8)}`;
    while (this.ids.has(id));
    this.ids.add(id);
    this.shards.push({ ordinal: this.shards.length, id, parents, createdAt, closedAt: undefined, low, high });
  }
}
