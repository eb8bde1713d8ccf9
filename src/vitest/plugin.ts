import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vitest/config';
import { resolveSeed } from '../run/index.js';
import { PROVIDE_KEY, type ShardcheckProvided } from './provided.js';

export interface ShardcheckPluginOptions {
  /** Default runs per `streamTest` / matcher (a test's own `numRuns` wins). */
  numRuns?: number;
  /** Campaign seed for every test (`SHARDCHECK_SEED` wins, so a printed replay line still works). */
  seed?: number;
  /** Regression corpus directory, or `false`. */
  regressions?: string | false;
}

/**
 * `vitest.config.ts`: `plugins: [shardcheck({ numRuns: 200 })]`. Registers the matchers and hands
 * the defaults to the workers; under `vitest --shard i/n` each job derives its own seeds from the
 * campaign seed, so a CI matrix explores disjoint seeds.
 */
export function shardcheck(options: ShardcheckPluginOptions = {}): Plugin {
  // Built packages ship setup.js; a source checkout runs setup.ts.
  const setupFile = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './setup.ts' : './setup.js', import.meta.url));
  return {
    name: 'shardcheck',
    config: () => ({ test: { setupFiles: [setupFile] } }),
    configureVitest({ vitest, project }) {
      const shard = vitest.config.shard;
      const env = process.env.SHARDCHECK_SEED;
      const seed = env !== undefined && env.trim() !== '' ? resolveSeed(undefined, env, undefined).seed : options.seed;
      const provided: ShardcheckProvided = {
        ...(options.numRuns === undefined ? {} : { numRuns: options.numRuns }),
        ...(seed === undefined ? {} : { seed }),
        ...(options.regressions === undefined ? {} : { regressions: options.regressions }),
        shardIndex: shard === undefined ? 0 : shard.index - 1,
        shardCount: shard === undefined ? 1 : shard.count,
      };
      project.provide(PROVIDE_KEY, provided);
    },
  };
}
