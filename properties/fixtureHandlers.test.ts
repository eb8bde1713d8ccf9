import { describe, expect, it } from 'vitest';
import { createCrashesOnRemoveHandler, createCrashesOnRemoveHandlerFixed } from '../fixtures/handlers/crashesOnRemove.js';
import { createDocumentClientHandler, createDocumentClientHandlerFixed, documentClientDeps, type DocumentClientDeps } from '../fixtures/handlers/documentClient.js';
import { createInMemoryDedupHandler, createInMemoryDedupHandlerFixed } from '../fixtures/handlers/inMemoryDedup.js';
import { createKeepsProcessingAfterFailureHandler, createKeepsProcessingAfterFailureHandlerFixed } from '../fixtures/handlers/keepsProcessingAfterFailure.js';
import { storeDeps, type StoreDeps } from '../fixtures/handlers/memoryStore.js';
import { createNonIdempotentCounterHandler, createNonIdempotentCounterHandlerFixed } from '../fixtures/handlers/nonIdempotentCounter.js';
import { createPowertoolsBatchHandler, createPowertoolsBatchHandlerFixed } from '../fixtures/handlers/powertoolsBatch.js';
import { createPromiseAllHandler, createPromiseAllHandlerFixed } from '../fixtures/handlers/promiseAll.js';
import { projectionKeyOf, toNative, type ProjectionStore } from '../fixtures/handlers/projection.js';
import { createSwallowsErrorsHandler, createSwallowsErrorsHandlerFixed } from '../fixtures/handlers/swallowsErrors.js';
import type { FaultKind } from '../src/arbitraries/index.js';
import type { InvariantName } from '../src/check/index.js';
import type { StreamHandler } from '../src/mapping/index.js';
import type { Model } from '../src/model/index.js';
import type { FailureReport } from '../src/report/index.js';
import { checkStreamHandler, ShardcheckFailure, type CheckStreamHandlerOptions, type InvariantContext } from '../src/run/index.js';
import type { Trace } from '../src/trace/index.js';
import { LONG, runs, TIMEOUT_MS } from './support/campaign.js';
import { projectionDifferences } from './support/projection.js';

/*
 * The example handlers of fixtures/handlers (table in fixtures/README.md): each buggy one is
 * caught by checkStreamHandler with default settings within its default 100 runs, and the check
 * that catches it is named; each fixed twin passes (a long campaign with SHARDCHECK_LONG=1).
 * Fixed per check: the table, TRIM_HORIZON (the user invariants compare with every record of the
 * model), no regression corpus, and a seed.
 */

const TABLE = { partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES' } as const;
const SEED = 20261126;
/** Part of the deployment of handlers that return `batchItemFailures`: without it the mapping ignores them (R35). */
const RBIF = { functionResponseTypes: ['ReportBatchItemFailures'] } as const;

// --- User invariants, as a user of each handler would write them (on the real deps). ---

/** Sequence numbers of the records the run legitimately gave up on (discarded, trimmed, LATEST-skipped). */
const givenUp = (model: Model, trace: Trace): Set<string> => new Set(model.discarded(trace).map((d) => d.record.seq));

/** Projection key → the model's records of that item, in stream order. */
function recordsByKey(model: Model): Map<string, { seq: string }[]> {
  const byKey = new Map<string, { seq: string }[]>();
  for (const record of model.records) {
    const key = projectionKeyOf(toNative(record.event.dynamodb!.Keys!));
    byKey.set(key, [...(byKey.get(key) ?? []), { seq: record.seq }]);
  }
  return byKey;
}

/** The projection holds exactly the table's final images. */
const projectionMatches = (items: ProjectionStore, model: Model): void => {
  expect(projectionDifferences(items, model)).toEqual([]);
};

/** Each item's counter equals its number of changes (records the run gave up on may be missing). */
function countersMatch({ deps, model, trace }: InvariantContext<StoreDeps>): void {
  const lost = givenUp(model, trace);
  for (const [key, records] of recordsByKey(model)) {
    const counted = deps.store.counters.get(key) ?? 0;
    const most = records.length;
    const least = records.filter((r) => !lost.has(r.seq)).length;
    expect(counted >= least && counted <= most, `${key}: counted ${counted} changes, the stream has ${most}`).toBe(true);
  }
}

/** Each item's messages on the FIFO topic are in stream order, each change once (given-up ones may be missing). */
function topicInOrder({ deps, model, trace }: InvariantContext<StoreDeps>): void {
  const lost = givenUp(model, trace);
  for (const [key, records] of recordsByKey(model)) {
    const published = (deps.store.published.get(key) ?? []).map((m) => m.seq);
    const sorted = [...published].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    expect(published, `${key}: published out of stream order`).toEqual(sorted);
    const expected = records.map((r) => r.seq).filter((seq) => !lost.has(seq) || published.includes(seq));
    expect(published, `${key}: published changes`).toEqual(expected);
  }
}

// --- Harness ---

type Options<D extends object> = Pick<CheckStreamHandlerOptions<D>, 'createHandler' | 'deps' | 'invariant' | 'mapping' | 'scenario' | 'faults'>;

/**
 * Short change sequences on at most two shards (as in test/run): every bug here shows in a
 * handful of records, and a failure found in a long run takes tens of seconds to shrink (a
 * user-invariant failure re-runs thousands of scenarios), which the time budget cannot afford.
 */
const SMALL = { operations: { maxLength: 12 }, shardCount: { max: 2 } } as const;

/**
 * Races and out-of-order retries need several changes of one item in one batch and a dependency
 * fault on one of them; generated runs rarely have both (faults are few and items many), so these
 * fixtures pin one item, a 10 s batching window (the changes land in one batch) and up to 8
 * dependency faults of the one kind that shows the bug.
 */
const ONE_ITEM_BATCHES = { scenario: { operations: { keyCount: 1, minLength: 2, maxLength: 8 }, shardCount: { max: 2 } }, mapping: { maximumBatchingWindowInSeconds: 10 } } as const;

const check = <D extends object>(options: Options<D>, numRuns?: number) =>
  checkStreamHandler<D>({
    scenario: SMALL,
    ...options,
    table: TABLE,
    mapping: { ...options.mapping, startingPosition: 'TRIM_HORIZON' },
    regressions: false,
    seed: SEED,
    ...(numRuns === undefined ? {} : { numRuns }),
  });

/**
 * The fixed twins: CI runs a modest campaign on the fixed seed; SHARDCHECK_LONG=1 runs a long one
 * on a fresh seed (printed on failure) with full-size scenarios (only the fixture's own `scenario`).
 */
const checkFixed = <D extends object>(options: Options<D>, fixtureScenario: Options<D>['scenario']) =>
  checkStreamHandler<D>({
    scenario: LONG ? (fixtureScenario ?? {}) : (fixtureScenario ?? SMALL),
    ...options,
    table: TABLE,
    mapping: { ...options.mapping, startingPosition: 'TRIM_HORIZON' },
    regressions: false,
    ...(LONG ? {} : { seed: SEED }),
    numRuns: FIXED_RUNS,
  });

/** Runs the default campaign (100 runs) and returns the failure's report. */
async function caught<D extends object>(options: Options<D>): Promise<FailureReport> {
  try {
    await check(options);
  } catch (error) {
    expect(error).toBeInstanceOf(ShardcheckFailure);
    return (error as ShardcheckFailure).report;
  }
  throw new Error('the buggy handler passed 100 runs');
}

const builtInNames = (report: FailureReport): InvariantName[] => (report.cause.kind === 'verdict' ? report.cause.verdict.anomalies.map((a) => a.invariant) : []);

interface Fixture<D extends object> {
  readonly name: string;
  readonly buggy: (deps: D) => StreamHandler;
  readonly fixed: (deps: D) => StreamHandler;
  readonly deps: () => D;
  readonly invariant?: (context: InvariantContext<D>) => void;
  readonly mapping?: CheckStreamHandlerOptions<D>['mapping'];
  readonly scenario?: CheckStreamHandlerOptions<D>['scenario'];
  /** Fault shape that shows the bug; the fixed twin runs under it too. */
  readonly faults?: CheckStreamHandlerOptions<D>['faults'];
  /** Fault shape for the fixed twin; default every survivable fault. */
  readonly fixedFaults?: CheckStreamHandlerOptions<D>['faults'];
  /** A built-in invariant, or 'user' for the user invariant. */
  readonly caughtBy: InvariantName | 'user';
}

/** Dependency faults of one kind, up to 8 (the default is 2, and most runs draw none). */
const only = (kind: FaultKind) => ({ kinds: [kind], maxDependencyFaults: 8 });

/**
 * Every fault kind but `crash`: a crash fault applies the dependency call it crashes on and drops
 * its promise, so when that call rejects (here a conditional write finding its own earlier write)
 * shardcheck reports a floating rejection the handler never made (handler-behaviour); reported
 * to the shardcheck maintainers. The fixture is correct under crashes otherwise.
 */
const ALL_BUT_CRASH: FaultKind[] = ['throttle', 'error', 'timeout', 'disable', 'restart', 'duplicate', 'reclaim', 'defer', 'reject', 'applyThenReject'];

const FIXED_RUNS = runs(100, 3000);

const fixture = <D extends object>(f: Fixture<D>): Fixture<D> => f;
const storeProjection = ({ deps, model }: InvariantContext<StoreDeps>) => projectionMatches(deps.store.items, model);

const FIXTURES = [
  fixture({ name: 'nonIdempotentCounter', buggy: createNonIdempotentCounterHandler, fixed: createNonIdempotentCounterHandlerFixed, deps: storeDeps, invariant: countersMatch, caughtBy: 'user' }),
  fixture({ name: 'swallowsErrors', buggy: (d) => createSwallowsErrorsHandler(d), fixed: createSwallowsErrorsHandlerFixed, deps: storeDeps, invariant: storeProjection, mapping: RBIF, faults: only('reject'), caughtBy: 'user' }),
  fixture({ name: 'keepsProcessingAfterFailure', buggy: createKeepsProcessingAfterFailureHandler, fixed: createKeepsProcessingAfterFailureHandlerFixed, deps: storeDeps, invariant: topicInOrder, ...ONE_ITEM_BATCHES, mapping: { ...RBIF, ...ONE_ITEM_BATCHES.mapping }, faults: only('reject'), caughtBy: 'user' }),
  fixture({ name: 'promiseAll', buggy: createPromiseAllHandler, fixed: createPromiseAllHandlerFixed, deps: storeDeps, invariant: storeProjection, ...ONE_ITEM_BATCHES, faults: only('defer'), caughtBy: 'user' }),
  fixture({ name: 'inMemoryDedup', buggy: createInMemoryDedupHandler, fixed: createInMemoryDedupHandlerFixed, deps: storeDeps, invariant: countersMatch, caughtBy: 'user' }),
  // No user invariant: the built-ins alone catch the poison REMOVE.
  fixture({ name: 'crashesOnRemove', buggy: createCrashesOnRemoveHandler, fixed: createCrashesOnRemoveHandlerFixed, deps: storeDeps, caughtBy: 'progress-after-faults' }),
  fixture({ name: 'powertoolsBatch', buggy: createPowertoolsBatchHandler, fixed: createPowertoolsBatchHandlerFixed, deps: storeDeps, invariant: storeProjection, ...ONE_ITEM_BATCHES, mapping: { ...RBIF, ...ONE_ITEM_BATCHES.mapping }, faults: only('defer'), caughtBy: 'user' }),
  fixture({
    name: 'documentClient',
    buggy: createDocumentClientHandler,
    fixed: createDocumentClientHandlerFixed,
    deps: documentClientDeps,
    invariant: ({ deps, model }: InvariantContext<DocumentClientDeps>) => projectionMatches(deps.items, model),
    faults: { kinds: ALL_BUT_CRASH },
    fixedFaults: { kinds: ALL_BUT_CRASH },
    caughtBy: 'user',
  }),
] as Fixture<object>[];

describe('fixture handlers: every bug is caught within the default run count, every fixed twin passes', () => {
  for (const f of FIXTURES) {
    const options = { deps: f.deps, mapping: f.mapping ?? {}, ...(f.scenario === undefined ? {} : { scenario: f.scenario }), ...(f.invariant === undefined ? {} : { invariant: f.invariant }) };
    it(`${f.name}: caught by ${f.caughtBy === 'user' ? 'the user invariant' : `the built-in ${f.caughtBy}`}`, async () => {
      const report = await caught({ ...options, createHandler: f.buggy, ...(f.faults === undefined ? {} : { faults: f.faults }) });
      if (f.caughtBy === 'user') expect(report.cause.kind).toBe('user-invariant');
      else expect(builtInNames(report)).toContain(f.caughtBy);
    }, TIMEOUT_MS);

    it(`${f.name}Fixed: passes, under every survivable fault and under the buggy twin's fault shape`, async () => {
      for (const faults of [f.fixedFaults ?? {}, ...(f.faults === undefined ? [] : [f.faults])]) {
        const { scenario: _, ...rest } = options;
        const summary = await checkFixed({ ...rest, faults, createHandler: f.fixed }, f.scenario);
        expect(summary.runs).toBe(FIXED_RUNS);
      }
    }, TIMEOUT_MS);
  }
});
