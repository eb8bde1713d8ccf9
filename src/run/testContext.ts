import { relative } from 'node:path';

/** The test a check runs in, as far as the test runner tells: for the budget, the corpus and the replay line. */
export interface TestContext {
  /** `vitest` or `jest`: which command the replay line names. */
  readonly runner: 'vitest' | 'jest';
  /** The test file, relative to the working directory (forward slashes). */
  readonly file: string | undefined;
  /** Suite and test names in order; joined with spaces they are what `-t` matches. */
  readonly names: readonly string[];
  /** The test's timeout in ms; undefined when the runner has none (0 = off). */
  readonly timeoutMs: number | undefined;
  /** Aborted when the runner gives up on the test (timeout, bail). */
  readonly signal: AbortSignal | undefined;
}

type Provider = () => TestContext | undefined;

let provider: Provider | undefined;

/**
 * `shardcheck/vitest` registers a provider built on vitest's public `getCurrentTest()`; without it
 * (a plain vitest test that imports only `shardcheck`) the runner's worker state is read directly.
 */
export function setTestContextProvider(next: Provider | undefined): void {
  provider = next;
}

/** The current test, or undefined outside a test runner. */
export function currentTestContext(cwd: string): TestContext | undefined {
  return provider?.() ?? vitestWorkerContext(cwd) ?? jestContext(cwd);
}

/** What vitest's runner keeps of a running test (a structural view of `@vitest/runner`'s Test). */
export interface RunnerTask {
  readonly type?: string;
  readonly name: string;
  readonly timeout?: number;
  readonly suite?: { readonly name: string; readonly suite?: unknown } | undefined;
  readonly file?: { readonly filepath?: string };
  readonly context?: { readonly signal?: AbortSignal };
}

/** A vitest task as a TestContext. */
export function contextOfTask(task: RunnerTask, cwd: string): TestContext {
  const names: string[] = [task.name];
  for (let suite = task.suite as RunnerTask['suite']; suite !== undefined; suite = suite.suite as RunnerTask['suite']) {
    // The file's root suite has an empty name and is not part of what `-t` matches.
    if (suite.name !== '') names.unshift(suite.name);
  }
  const filepath = task.file?.filepath;
  return {
    runner: 'vitest',
    file: filepath === undefined ? undefined : relativeFile(cwd, filepath),
    names,
    timeoutMs: task.timeout === undefined || task.timeout <= 0 || !Number.isFinite(task.timeout) ? undefined : task.timeout,
    signal: task.context?.signal,
  };
}

function vitestWorkerContext(cwd: string): TestContext | undefined {
  const state = (globalThis as { __vitest_worker__?: { current?: RunnerTask } }).__vitest_worker__;
  const task = state?.current;
  if (task === undefined || task.type !== 'test' || typeof task.name !== 'string') return undefined;
  return contextOfTask(task, cwd);
}

function jestContext(cwd: string): TestContext | undefined {
  if (process.env.JEST_WORKER_ID === undefined) return undefined;
  const expectFn = (globalThis as { expect?: { getState?: () => { currentTestName?: string; testPath?: string } } }).expect;
  const state = expectFn?.getState?.();
  if (state?.currentTestName === undefined) return undefined;
  return {
    runner: 'jest',
    file: state.testPath === undefined ? undefined : relativeFile(cwd, state.testPath),
    names: [state.currentTestName],
    // Jest does not expose the test's timeout; its default is 5 s.
    timeoutMs: 5_000,
    signal: undefined,
  };
}

function relativeFile(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (rel === '' || rel.startsWith('..') ? file : rel).split('\\').join('/');
}
