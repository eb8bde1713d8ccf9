import { fnv1a32 } from '../core/index.js';

/**
 * Position of a partition key in the shard hash space [0, 2^32). FNV-1a alone leaves its high
 * bits to the first characters, so `user#1`, `user#2`, … would all land in one shard; the
 * murmur3 finaliser spreads them as DynamoDB's MD5-based partitioning does.
 */
export function shardHashOf(partitionKey: string): number {
  let h = fnv1a32(partitionKey);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
