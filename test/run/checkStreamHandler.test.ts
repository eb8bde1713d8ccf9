import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamHandler } from '../../src/mapping/index.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDropsRemovesHandler } from '../../fixtures/handlers/dropsRemoves.js';
import { MemoryStore } from '../../fixtures/handlers/memoryStore.js';
import { createPoisonRecordHandler } from '../../fixtures/handlers/poisonRecord.js';
import { createSwallowsErrorsHandler, createSwallowsErrorsHandlerFixed } from '../../fixtures/handlers/swallowsErrors.js';
import { storeProjection } from '../../properties/support/fixtureInvariants.js';
import { createProjectionHandler, type ProjectionStore } from '../../fixtures/handlers/projection.js';
import type { FailureReport } from '../../src/report/index.js';
import { checkStreamHandler, contextOfTask, setTestContextProvider, ShardcheckFailure, ShardcheckHealthError } from '../../src/run/index.js';
import { projectionMatchesModel, rejection, TABLE } from './support.js';

const deps = () => ({ store: new Map() as ProjectionStore });
const SMALL = { operations: { maxLength: 12 }, shardCount: { max: 2 } } as const;
const REPLAY = /^replay: SHARDCHECK_REPLAY=(1\/[0-9a-f]{8}\/[0-9a-f]{8}\/(-?\d+)\/([\d:]+)\/[A-Za-z0-9,]*) npx vitest run test\/run\/checkStreamHandler\.test\.ts -t '\^checkStreamHandler [^']*\$'$/m;

beforeEach(() => {
  vi.stubEnv('SHARDCHECK_SEED', '');
  vi.stubEnv('SHARDCHECK_REPLAY', '');
});
afterEach(() => vi.unstubAllEnvs());

describe('checkStreamHandler', () => {
  it('a correct idempotent projection passes 50 runs under survivable faults, with coverage and metrics', async () => {
    const summary = await checkStreamHandler({
      createHandler: (d) => createProjectionHandler(d.store),
      deps,
      table: TABLE,
      mapping: { functionResponseTypes: ['ReportBatchItemFailures'], startingPosition: 'TRIM_HORIZON' },
      invariant: projectionMatchesModel,
      numRuns: 50,
      seed: 7,
      regressions: false,
      scenario: SMALL,
    });
    expect(summary).toMatchObject({ runs: 50, regressionRuns: 0, seed: 7, seedSource: 'call', interrupted: false });
    expect(summary.coverage.runs).toBe(50);
    expect(summary.totals.Invocations).toBeGreaterThan(0);
    expect(summary.metrics?.Invocations).toBeGreaterThanOrEqual(0);
  });

  it('a handler that ignores REMOVEs fails the user invariant; the printed replay token reruns exactly it, in one run', async () => {
    const options = {
      createHandler: (d: { store: ProjectionStore }) => createDropsRemovesHandler(d.store),
      deps,
      table: TABLE,
      mapping: { functionResponseTypes: ['ReportBatchItemFailures'] as const, startingPosition: 'TRIM_HORIZON' as const },
      invariant: projectionMatchesModel,
      numRuns: 100,
      seed: 42,
      regressions: false as const,
      scenario: SMALL,
    };
    const error = await rejection(() => checkStreamHandler(options));
    expect(error).toBeInstanceOf(ShardcheckFailure);
    expect(error.name).toBe('ShardcheckFailure');
    const report = error.report as FailureReport;
    expect(report.cause.kind).toBe('user-invariant');
    expect(report.scenario.operations.some((op) => op.type === 'delete' || op.type === 'ttlExpire' || op.type === 'transactWrite')).toBe(true);
    const [line, token, seed, path] = REPLAY.exec(error.message)!;
    expect(error.message.split('\n')[1]).toBe(line);
    expect(Number(seed)).toBe(report.seed);
    expect(path).toBe(report.path);

    let runs = 0;
    vi.stubEnv('SHARDCHECK_REPLAY', token!);
    // The campaign seed of the call does not matter: the token carries the counterexample's.
    const again = await rejection(() => checkStreamHandler({ ...options, seed: 1, invariant: (c) => (runs++, projectionMatchesModel(c)) }));
    expect(runs).toBeGreaterThanOrEqual(1);
    expect((again.report as FailureReport)).toMatchObject({ numRuns: 1, shrinks: 0, scenario: report.scenario });
    expect(REPLAY.exec(again.message)?.[0]).toBe(line);

    // Another check ignores the token; the same check with other options refuses it.
    await checkStreamHandler({ ...options, createHandler: (d) => createProjectionHandler(d.store), name: 'another-check', numRuns: 3 });
    expect(await rejection(() => checkStreamHandler({ ...options, mapping: { ...options.mapping, batchSize: 7 } }))).toMatchObject({
      message: expect.stringMatching(/^SHARDCHECK_REPLAY was printed under other options of this check \(options [0-9a-f]{8}, now [0-9a-f]{8}: /),
    });
  });

  it('coverage: true prints the campaign coverage when it passes and puts it in a failure report', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const base = { createHandler: (d: { store: ProjectionStore }) => createProjectionHandler(d.store), deps, table: TABLE, numRuns: 5, seed: 7, regressions: false as const, scenario: SMALL };
      await checkStreamHandler(base);
      expect(log).not.toHaveBeenCalled();
      const summary = await checkStreamHandler({ ...base, coverage: true });
      const printed = log.mock.calls.map((call) => String(call[0])).join('\n');
      expect(printed).toContain(`coverage over 5 runs: `);
      expect(printed).toContain(`never reached: ${summary.coverage.missing[0]}`);
      const poison = { ...base, createHandler: (d: { store: ProjectionStore }) => createPoisonRecordHandler(d.store, { poisonKey: 'k', keyOf: () => 'k' }), faults: false as const };
      const without = (await rejection(() => checkStreamHandler(poison))) as ShardcheckFailure;
      expect(without.report.coverage).toBeUndefined();
      expect(without.message).not.toContain('coverage over');
      const withCoverage = (await rejection(() => checkStreamHandler({ ...poison, coverage: true }))) as ShardcheckFailure;
      expect(withCoverage.report.coverage?.runs).toBe(withCoverage.report.numRuns);
      expect(withCoverage.message).toMatch(/\ncoverage over \d+ runs?: \d+ of \d+ items reached/);
    } finally {
      log.mockRestore();
    }
  });

  it('a failure report states the run\'s CloudWatch metrics (how far behind the consumer fell)', async () => {
    const error = (await rejection(() =>
      checkStreamHandler({
        createHandler: (d: { store: ProjectionStore }) => createPoisonRecordHandler(d.store, { poisonKey: 'k', keyOf: () => 'k' }),
        deps,
        table: TABLE,
        faults: false,
        numRuns: 10,
        seed: 3,
        regressions: false,
        scenario: { operations: { minLength: 1, maxLength: 6 }, shardCount: 1 },
      }),
    )) as ShardcheckFailure;
    expect(error.message).toMatch(/\nmetrics\n {2}Invocations \d+, Errors [1-9]\d*, Throttles \d+, DroppedEventCount \d+, OnFailureDestinationDeliveredEventCount \d+\n {2}IteratorAge maximum \S+/);
  });

  it('a poison record that blocks its shard is caught by the built-in invariants alone', async () => {
    const error = await rejection(() =>
      checkStreamHandler({
        createHandler: (d: { store: ProjectionStore }) => createPoisonRecordHandler(d.store, { poisonKey: 'every item', keyOf: () => 'every item' }),
        deps,
        table: TABLE,
        faults: false,
        numRuns: 30,
        seed: 3,
        regressions: false,
        scenario: { operations: { minLength: 1, maxLength: 6 }, shardCount: 1 },
      }),
    );
    const report = (error as ShardcheckFailure).report;
    expect(report.cause.kind).toBe('verdict');
    expect(REPLAY.test(error.message.split('\n')[1]!)).toBe(true);
  });

  it('the user invariant gets the real deps, the handler the proxy', async () => {
    const real = { store: new Map() as ProjectionStore };
    const seen: unknown[] = [];
    await checkStreamHandler({
      createHandler: (d) => {
        seen.push(d);
        return createProjectionHandler(d.store);
      },
      deps: () => real,
      table: TABLE,
      mapping: { startingPosition: 'TRIM_HORIZON' },
      faults: false,
      invariant: ({ deps: d }) => void expect(d).toBe(real),
      numRuns: 2,
      seed: 1,
      regressions: false,
      scenario: { operations: { minLength: 1, maxLength: 3 }, shardCount: 1 },
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).not.toBe(real);
  });

  it('DESIGN §2: a handler holding its store in module scope (`handler`, no proxy) still gets dependency faults: a swallowed write is caught', async () => {
    // As a handler module would hold it; `deps` returns the same object, emptied for each run.
    const moduleDeps = { store: new MemoryStore() };
    const deps = () => {
      moduleDeps.store.items.clear();
      return moduleDeps;
    };
    const options = { deps, table: TABLE, mapping: { functionResponseTypes: ['ReportBatchItemFailures'] as const, startingPosition: 'TRIM_HORIZON' as const }, invariant: storeProjection, seed: 20261126, regressions: false as const };
    const error = await rejection(() => checkStreamHandler({ ...options, handler: createSwallowsErrorsHandler(moduleDeps) }));
    expect((error as ShardcheckFailure).report.cause.kind).toBe('user-invariant');
    expect((error as ShardcheckFailure).report.trace.events.some((e) => e.type === 'dependency' && e.action !== 'called')).toBe(true);
    expect(Object.hasOwn(moduleDeps.store, 'putIfNewer')).toBe(false);
    const summary = await checkStreamHandler({ ...options, handler: createSwallowsErrorsHandlerFixed(moduleDeps), numRuns: 40 });
    expect(summary.runs).toBe(40);
  });

  it('a time budget stops starting new runs: the campaign passes and says how many ran, or fails with failOnBudget', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const options = { handler: async () => {}, numRuns: 1_000_000, timeBudgetMs: 300, regressions: false as const, seed: 5, scenario: SMALL };
      const summary = await checkStreamHandler(options);
      expect(summary).toMatchObject({ interrupted: true, budgetMs: 300, budgetSource: 'option' });
      expect(summary.runs).toBeLessThan(1_000_000);
      expect(summary.elapsedMs).toBeLessThan(300 + 1000);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(new RegExp(`^shardcheck: test/run/checkStreamHandler.test.ts > checkStreamHandler a time budget .*: ran ${summary.runs} of 1000000 runs: the time budget of 0\\.3 s \\(option\\) was spent; raise the test's timeout or timeBudgetMs, or lower numRuns$`));
      expect((await rejection(() => checkStreamHandler({ ...options, failOnBudget: true }))).message).toMatch(/ran \d+ of 1000000 runs: .* \(failOnBudget is set\)$/);
    } finally {
      warn.mockRestore();
    }
  });

  it('plans inside the test\'s own timeout: search, then shrinking, then the report, all before the runner gives up', async ({ task }) => {
    (task as { timeout: number }).timeout = 3000;
    const started = Date.now();
    const error = (await rejection(() =>
      checkStreamHandler({
        // Slow on purpose: every invocation waits 30 ms of real time, so shrinking cannot finish in the budget.
        createHandler: (d: { store: ProjectionStore }) => {
          const inner = createDropsRemovesHandler(d.store);
          return async (event: DynamoDBStreamEvent) => {
            await new Promise((resolve) => setTimeout(resolve, 30));
            return inner(event);
          };
        },
        deps,
        table: TABLE,
        mapping: { functionResponseTypes: ['ReportBatchItemFailures'], startingPosition: 'TRIM_HORIZON' },
        invariant: projectionMatchesModel,
        seed: 42,
        regressions: false,
        scenario: { operations: { minLength: 20, maxLength: 40 } },
      }),
    )) as ShardcheckFailure;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(ShardcheckFailure);
    expect(error.report.shrinkStopped?.steps).toBe(error.report.shrinks);
    expect(error.message.split('\n')[2]).toMatch(/^shrinking stopped after \d+ steps?, \d\.\d s \(time budget\): this is the smallest counterexample found in time$/);
  });

  it('stops at once when the test is aborted', async ({ task }) => {
    const controller = new AbortController();
    setTestContextProvider(() => ({ ...contextOfTask(task as never, process.cwd()), signal: controller.signal }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      setTimeout(() => controller.abort(), 100);
      const summary = await checkStreamHandler({ handler: async () => {}, numRuns: 1_000_000, regressions: false, seed: 5, scenario: SMALL });
      expect(summary.interrupted).toBe(true);
      expect(summary.elapsedMs).toBeLessThan(1000);
    } finally {
      setTestContextProvider(undefined);
      warn.mockRestore();
    }
  });

  it('health check: a campaign in which the handler was never invoked fails, unless suppressed', async () => {
    const options = { handler: async () => {}, mapping: { enabled: false }, numRuns: 5, seed: 1, regressions: false as const, scenario: SMALL };
    const error = await rejection(() => checkStreamHandler(options));
    expect(error).toBeInstanceOf(ShardcheckHealthError);
    expect(error.message).toMatch(/vacuous campaign: the handler was never invoked in 5 runs, so nothing was checked; look at the mapping you pinned/);
    expect((await checkStreamHandler({ ...options, suppressHealthChecks: ['vacuous'] })).runs).toBe(5);
  });

  it('health check: a counterexample that passes when rerun is reported as flaky, with both outcomes', async () => {
    let calls = 0;
    const error = (await rejection(() =>
      checkStreamHandler({
        handler: async () => {},
        mapping: { startingPosition: 'TRIM_HORIZON' },
        // Fails on its first three calls, whatever the scenario: like state kept between runs.
        invariant: () => {
          if (calls++ < 3) throw new Error('depends on the weather');
        },
        numRuns: 5,
        seed: 1,
        regressions: false,
        scenario: SMALL,
      }),
    )) as ShardcheckFailure;
    expect(error.report.flaky).toEqual({ rerun: 'passed' });
    expect(error.message.split('\n')[0]).toMatch(/^shardcheck: flaky: your invariant failed: Error: depends on the weather/);
  });

  it('names a generated setting the user did not pin when the failure needs it, and how to pin it', async () => {
    // Returns the Promise.all results: harmless without ReportBatchItemFailures, a malformed response with it.
    const error = (await rejection(() =>
      checkStreamHandler({
        createHandler: () => (async (event: DynamoDBStreamEvent) => Promise.all(event.Records.map(async (r) => r.eventID))) as unknown as StreamHandler,
        table: TABLE,
        mapping: { startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: 2 },
        seed: 3,
        regressions: false,
        scenario: SMALL,
      }),
    )) as ShardcheckFailure;
    expect(error.report.dependsOn?.map((d) => d.field)).toContain('functionResponseTypes');
    expect(error.message.split('\n')[0]).toMatch(/ — needs mapping\.functionResponseTypes = \["ReportBatchItemFailures"\].*, which you did not pin \(generated\)$/);
    expect(error.message).toContain('mapping: { functionResponseTypes: [] }');
  });

  it('keeps the user\'s assertion whole: expected and actual reach the runner\'s diff and the report', async () => {
    const error = (await rejection(() =>
      checkStreamHandler({
        createHandler: (d: { store: ProjectionStore }) => createDropsRemovesHandler(d.store),
        deps,
        table: TABLE,
        mapping: { startingPosition: 'TRIM_HORIZON' },
        invariant: projectionMatchesModel,
        seed: 42,
        regressions: false,
        scenario: SMALL,
      }),
    )) as ShardcheckFailure & { expected: unknown; actual: unknown; showDiff: boolean };
    expect(error.showDiff).toBe(true);
    expect(error.expected).toBeInstanceOf(Map);
    expect(error.actual).toBeInstanceOf(Map);
    expect(error.expected).not.toEqual(error.actual);
    expect(error.message).toMatch(/\n {4}expected:\n {6}Map\(\d+\) \{/);
  });
});
