import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vitest/config';
import { optionError, readObject, rejectUnknownOptions } from '../core/index.js';
import { SHARED_OPTIONS, type SharedCheckOptions } from '../run/index.js';
import { PROVIDE_KEY, type ShardcheckProvided } from './provided.js';

/** Defaults for every check of the project: any option that is plain data (not the handler, deps or invariant). */
export type ShardcheckPluginOptions = SharedCheckOptions;

/**
 * `vitest.config.ts`: `plugins: [shardcheck({ numRuns: 200 })]`. Registers the matcher, lets each
 * check know its test (for the time budget, corpus and replay line) and hands the defaults to the
 * workers. Precedence: a check's own option, then `SHARDCHECK_*`, then these, then the built-in
 * default. Under `vitest --shard i/n` each job derives its own seed from `seed`.
 */
export function shardcheck(options: ShardcheckPluginOptions = {}): Plugin {
  const defaults = readObject('shardcheck()', options) as SharedCheckOptions;
  rejectUnknownOptions('shardcheck()', defaults, SHARED_OPTIONS);
  for (const [key, value] of Object.entries(defaults)) {
    if (typeof value === 'function') throw optionError(`shardcheck().${key}`, 'must be plain data (functions cannot reach the test workers)', value);
  }
  // Built packages ship setup.js; a source checkout runs setup.ts.
  const setupFile = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './setup.ts' : './setup.js', import.meta.url));
  return {
    name: 'shardcheck',
    config: () => ({ test: { setupFiles: [setupFile] } }),
    configureVitest({ vitest, project }) {
      const shard = vitest.config.shard;
      const provided: ShardcheckProvided = {
        defaults,
        shardIndex: shard === undefined ? 0 : shard.index - 1,
        shardCount: shard === undefined ? 1 : shard.count,
      };
      project.provide(PROVIDE_KEY, provided);
    },
  };
}
