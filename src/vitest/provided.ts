import { fnv1a32 } from '../core/index.js';

/** What the `shardcheck()` plugin hands to test workers through vitest's `provide`/`inject`. */
export interface ShardcheckProvided {
  readonly numRuns?: number;
  readonly seed?: number;
  readonly regressions?: string | false;
  /** `vitest --shard i/n`: each job derives its own seeds from the campaign seed. */
  readonly shardIndex: number;
  readonly shardCount: number;
}

export const PROVIDE_KEY = 'shardcheck';

declare module 'vitest' {
  interface ProvidedContext {
    shardcheck: ShardcheckProvided;
  }
}

/** The seed of one `--shard` job: the campaign seed itself for one job, a derived one otherwise. */
export function jobSeed(provided: ShardcheckProvided): number | undefined {
  if (provided.seed === undefined) return undefined;
  if (provided.shardCount <= 1) return provided.seed;
  return fnv1a32(`${provided.seed}/${provided.shardIndex}/${provided.shardCount}`) | 0;
}
