import { test, type TestAPI } from 'vitest';
import { checkStreamHandler, type CheckStreamHandlerOptions } from '../run/index.js';
import { provideTestContext } from './testContextProvider.js';

provideTestContext();

type Invariant<D extends object> = NonNullable<CheckStreamHandlerOptions<D>['invariant']>;

export interface StreamTestOptions<D extends object> extends CheckStreamHandlerOptions<D> {
  /** Real-time timeout of the vitest test (the check plans its budget inside it). Default: vitest's `testTimeout`. */
  timeout?: number;
}

type StreamTest = <D extends object>(name: string, options: StreamTestOptions<D>, invariant?: Invariant<D>) => void;

/**
 * A vitest test that runs `checkStreamHandler`. Its title is the name as given — never a seed — so
 * `-t` filters, reports and the regression corpus (keyed by file and full test name) stay stable.
 */
export const streamTest: StreamTest & { only: StreamTest; skip: StreamTest } = Object.assign(register(test), {
  only: register(test.only),
  skip: register(test.skip),
});

function register(base: TestAPI | TestAPI['only']): StreamTest {
  return (name, options, invariant) => {
    const { timeout, ...check } = options;
    base(
      name,
      async () => {
        await checkStreamHandler({ ...check, ...(invariant === undefined ? {} : { invariant }) });
      },
      timeout,
    );
  };
}
