import { relative } from 'node:path';
import { inject, test, type TestAPI } from 'vitest';
import { checkStreamHandler, resolveSeed, type CheckStreamHandlerOptions } from '../run/index.js';
import { jobSeed, PROVIDE_KEY, type ShardcheckProvided } from './provided.js';

type Invariant<D extends object> = NonNullable<CheckStreamHandlerOptions<D>['invariant']>;

export interface StreamTestOptions<D extends object> extends CheckStreamHandlerOptions<D> {
  /** Real-time timeout of the vitest test. Default 120000 ms. */
  timeout?: number;
}

type StreamTest = <D extends object>(name: string, options: StreamTestOptions<D>, invariant?: Invariant<D>) => void;

/**
 * A vitest test that runs `checkStreamHandler`. Its title carries the seed, as @fast-check/vitest
 * does, so every report and `-t` filter shows it; the title is stable when a seed is set (option,
 * `SHARDCHECK_SEED`, or the plugin).
 */
export const streamTest: StreamTest & { only: StreamTest; skip: StreamTest } = Object.assign(register(test), {
  only: register(test.only),
  skip: register(test.skip),
});

function register(base: TestAPI | TestAPI['only']): StreamTest {
  return (name, options, invariant) => {
    const provided = readProvided();
    const { seed } = resolveSeed(options.seed, process.env.SHARDCHECK_SEED, provided === undefined ? undefined : jobSeed(provided));
    const title = `${name} (with seed=${seed})`;
    const { timeout, ...check } = options;
    base(
      title,
      async ({ task }) => {
        await checkStreamHandler({
          ...(provided?.numRuns === undefined ? {} : { numRuns: provided.numRuns }),
          ...(provided?.regressions === undefined ? {} : { regressions: provided.regressions }),
          ...check,
          ...(invariant === undefined ? {} : { invariant }),
          seed,
          testFile: task.file === undefined ? undefined : relative(process.cwd(), task.file.filepath),
          testName: title,
        });
      },
      timeout ?? 120_000,
    );
  };
}

function readProvided(): ShardcheckProvided | undefined {
  try {
    return inject(PROVIDE_KEY);
  } catch {
    return undefined;
  }
}
