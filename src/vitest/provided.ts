import { fnv1a32 } from '../core/index.js';
import type { SharedCheckOptions } from '../run/index.js';

/** What the `shardcheck()` plugin hands to test workers through vitest's `provide`/`inject`. */
export interface ShardcheckProvided {
  /** Defaults for every check of the project (a check's own options and `SHARDCHECK_*` win). */
  readonly defaults: SharedCheckOptions;
  /** `vitest --shard i/n`: each job derives its own seed from the plugin's campaign seed. */
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
export function jobSeed(provided: Pick<ShardcheckProvided, 'shardIndex' | 'shardCount'> & { readonly seed?: number | undefined }): number | undefined {
  if (provided.seed === undefined) return undefined;
  if (provided.shardCount <= 1) return provided.seed;
  return fnv1a32(`${provided.seed}/${provided.shardIndex}/${provided.shardCount}`) | 0;
}
