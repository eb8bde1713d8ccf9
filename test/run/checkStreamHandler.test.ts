import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDropsRemovesHandler } from '../../fixtures/handlers/dropsRemoves.js';
import { MemoryStore } from '../../fixtures/handlers/memoryStore.js';
import { createPoisonRecordHandler } from '../../fixtures/handlers/poisonRecord.js';
import { createSwallowsErrorsHandler, createSwallowsErrorsHandlerFixed } from '../../fixtures/handlers/swallowsErrors.js';
import { storeProjection } from '../../properties/support/fixtureInvariants.js';
import { createProjectionHandler, type ProjectionStore } from '../../fixtures/handlers/projection.js';
import type { FailureReport } from '../../src/report/index.js';
import { checkStreamHandler, ShardcheckFailure } from '../../src/run/index.js';
import { projectionMatchesModel, rejection, TABLE } from './support.js';

const deps = () => ({ store: new Map() as ProjectionStore });
const SMALL = { operations: { maxLength: 12 }, shardCount: { max: 2 } } as const;
const REPLAY = /SHARDCHECK_SEED=(-?\d+) SHARDCHECK_PATH="([\d:]+)"/;

beforeEach(() => {
  vi.stubEnv('SHARDCHECK_SEED', '');
  vi.stubEnv('SHARDCHECK_PATH', '');
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
    expect(summary).toMatchObject({ runs: 50, regressionRuns: 0, seed: 7, seedSource: 'option', interrupted: false });
    expect(summary.coverage.runs).toBe(50);
    expect(summary.totals.Invocations).toBeGreaterThan(0);
    expect(summary.metrics?.Invocations).toBeGreaterThanOrEqual(0);
  });

  it('a handler that ignores REMOVEs fails the user invariant; the printed seed and path replay it in one run', async () => {
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
    const [, seed, path] = REPLAY.exec(error.message)!;
    expect(Number(seed)).toBe(report.seed);
    expect(path).toBe(report.path);

    let runs = 0;
    vi.stubEnv('SHARDCHECK_SEED', seed!);
    vi.stubEnv('SHARDCHECK_PATH', path!);
    const again = await rejection(() => checkStreamHandler({ ...options, seed: undefined, invariant: (c) => (runs++, projectionMatchesModel(c)) }));
    expect(runs).toBe(1);
    expect((again.report as FailureReport).scenario).toEqual(report.scenario);
    expect((again.report as FailureReport).path).toBe(report.path);
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
    expect(error.message.split('\n')[1]).toMatch(REPLAY);
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

  it('a time budget stops starting new runs', async () => {
    const summary = await checkStreamHandler({ handler: async () => {}, numRuns: 1_000_000, timeBudgetMs: 200, regressions: false, seed: 5, scenario: SMALL });
    expect(summary.interrupted).toBe(true);
    expect(summary.runs).toBeLessThan(1_000_000);
  });
});
