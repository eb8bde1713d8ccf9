import type { DynamoDBRecord } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAppendsAuditLogHandler, type AuditEntry } from '../fixtures/handlers/appendsAuditLog.js';
import { createDropsRemovesHandler } from '../fixtures/handlers/dropsRemoves.js';
import { createFlakyHandler } from '../fixtures/handlers/flaky.js';
import { createLogsAndAcknowledgesHandler } from '../fixtures/handlers/logsAndAcknowledges.js';
import { createLostUpdateHandler } from '../fixtures/handlers/lostUpdate.js';
import { createPhantomItemIdentifierHandler } from '../fixtures/handlers/phantomItemIdentifier.js';
import { createPoisonRecordHandler } from '../fixtures/handlers/poisonRecord.js';
import { createProjectionHandler, projectionKeyOf, toNative, type ProjectionStore } from '../fixtures/handlers/projection.js';
import { scenario } from '../src/arbitraries/index.js';
import type { Verdict } from '../src/check/anomaly.js';
import { check } from '../src/check/index.js';
import type { HandlerTarget, StreamHandler } from '../src/mapping/index.js';
import { simulate } from '../src/mapping/index.js';
import { buildModel, type Model } from '../src/model/index.js';
import type { MappingParameters, ScenarioParameters } from '../src/scenario/index.js';
import type { TableOperation } from '../src/table/index.js';
import type { Trace } from '../src/trace/index.js';
import { LONG, runs, TIMEOUT_MS } from './support/campaign.js';
import { reportsItemFailures } from './support/handlers.js';
import { projectionDifferences } from './support/projection.js';

/*
 * Buggy handlers under a correct simulation (issue 4, "Trustworthiness" 3; table in
 * fixtures/README.md):
 * - bugs that show in delivery itself (a batch or a shard that never completes) are caught by the
 *   built-in invariants alone, as liveness (`progress-after-faults`; a malformed response also as
 *   `item-identifier`), never as a correctness anomaly of the (correct) mapping;
 * - bugs that show only in the handler's own downstream state leave the built-ins silent (they must
 *   not guess), and a user invariant against the model catches them; the same user invariant holds
 *   for the correct handler on the same scenarios;
 * - a handler that deliberately dead-letters a record and acknowledges it is legitimate: silent.
 */

const TABLE = { partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES' } as const;
const RBIF = ['ReportBatchItemFailures'] as const;
const SEED = 20261128;
const sampleOf = <T>(arbitrary: fc.Arbitrary<T>, ci: number, long: number): T[] => fc.sample(arbitrary, { numRuns: runs(ci, long), ...(LONG ? {} : { seed: SEED }) });

async function run(s: ScenarioParameters, target: HandlerTarget): Promise<{ trace: Trace; model: Model; verdict: Verdict }> {
  const trace = await simulate(s, target);
  const model = buildModel(s);
  return { trace, model, verdict: check(trace, model) };
}

const invariants = (verdict: Verdict) => verdict.anomalies.map((a) => a.invariant);
const correctnessAnomalies = (verdict: Verdict) => verdict.anomalies.filter((a) => a.kind === 'correctness');

/** Ten writes on five items of one shard, 200 ms apart; the third item's records are ordinals 2 and 7. */
function writes(): TableOperation[] {
  return Array.from({ length: 10 }, (_, i) => ({ type: 'put' as const, at: i * 200, item: { pk: `user#${i % 5}`, sk: 'profile', v: i } }));
}
const POISON_KEY = projectionKeyOf({ pk: 'user#2', sk: 'profile' });

/** Projection key of a model record. */
const keyOfRecord = (model: Model, ordinal: number): string => projectionKeyOf(toNative(model.records[ordinal]!.event.dynamodb!.Keys!));

/**
 * Generated runs where every record must reach the handler: survivable faults, TRIM_HORIZON,
 * images present. `slow` stretches the retry backoff to 10 min, so a shard blocked for 24 h costs
 * a few hundred invocations instead of thousands.
 */
const deliveredScenarios = (mapping: MappingParameters = {}, slow = false) =>
  scenario({ table: TABLE, mapping: { startingPosition: 'TRIM_HORIZON', ...mapping }, operations: { minLength: 1, maxLength: 60 }, ...(slow ? { timing: { retryMaxMs: 600_000 } } : {}) });

describe('delivery bugs: caught by the built-in invariants alone', () => {
  it('phantomItemIdentifier: a batch naming a sequence number it does not hold loops until trimmed (default limits)', async () => {
    const s: ScenarioParameters = { table: TABLE, operations: writes().map((op) => ({ ...op, at: 0 })), mapping: { functionResponseTypes: RBIF } };
    const { trace, verdict } = await run(s, createPhantomItemIdentifierHandler(new Map()));
    expect(trace.events.some((e) => e.type === 'result' && e.outcome === 'OK_MALFORMED')).toBe(true);
    expect(trace.events.some((e) => e.type === 'trim')).toBe(true);
    expect(verdict.valid).toBe(false);
    expect(invariants(verdict)).toContain('item-identifier');
    expect(invariants(verdict)).toContain('progress-after-faults');
    expect(correctnessAnomalies(verdict)).toEqual([]);
  });

  it('phantomItemIdentifier: with a retry limit the batch loops until discarded', async () => {
    const s: ScenarioParameters = { table: TABLE, operations: writes().map((op) => ({ ...op, at: 0 })), mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: 2 } };
    const { trace, verdict } = await run(s, createPhantomItemIdentifierHandler(new Map()));
    expect(trace.events.some((e) => e.type === 'discard' && e.condition === 'RetryAttemptsExhausted')).toBe(true);
    expect(invariants(verdict)).toContain('progress-after-faults');
    expect(correctnessAnomalies(verdict)).toEqual([]);
  });

  it(
    'phantomItemIdentifier, generated runs: caught exactly when a batch of more than 3 records reached the handler',
    async () => {
      let caught = 0;
      const samples = sampleOf(deliveredScenarios({ functionResponseTypes: RBIF, maximumRetryAttempts: -1, maximumRecordAgeInSeconds: -1, bisectBatchOnFunctionError: false }, true), 40, 400);
      for (const s of samples) {
        const { trace, verdict } = await run(s, createPhantomItemIdentifierHandler(new Map()));
        const showed = trace.events.some((e) => e.type === 'invoke' && e.env !== null && e.records.length > 3);
        expect(correctnessAnomalies(verdict)).toEqual([]);
        if (showed) caught++;
        // When no batch was too large the handler behaved correctly: nothing to report at all.
        if (showed) expect(invariants(verdict)).toContain('progress-after-faults');
        else expect(verdict.anomalies).toEqual([]);
      }
      expect(caught).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it('poisonRecord: under the default configuration the poison record blocks its shard until trimmed, and is named', async () => {
    for (const reportItemFailures of [false, true]) {
      const s: ScenarioParameters = { table: TABLE, operations: writes(), mapping: reportItemFailures ? { functionResponseTypes: RBIF } : {} };
      const { trace, verdict } = await run(s, createPoisonRecordHandler(new Map(), { poisonKey: POISON_KEY, reportItemFailures }));
      expect(trace.events.some((e) => e.type === 'trim')).toBe(true);
      const liveness = verdict.anomalies.filter((a) => a.invariant === 'progress-after-faults');
      expect(liveness.length).toBeGreaterThan(0);
      expect(liveness.flatMap((a) => a.records)).toContain(2); // the poison item's first record
      expect(verdict.kind).toBe('liveness');
    }
  });

  it('flaky: throwing for the whole batch on a poison item ends in its discard after the retry limit, caught', async () => {
    const s: ScenarioParameters = { table: TABLE, operations: writes(), mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: 2, bisectBatchOnFunctionError: true } };
    const { trace, verdict } = await run(s, createFlakyHandler(new Map(), { poisonKey: POISON_KEY }));
    expect(trace.events.some((e) => e.type === 'discard')).toBe(true);
    expect(invariants(verdict)).toContain('progress-after-faults');
    expect(correctnessAnomalies(verdict)).toEqual([]);
  });

  it(
    'poisonRecord, generated runs: every run is caught, naming a record of the poison item',
    async () => {
      const samples = sampleOf(fc.tuple(deliveredScenarios({}, true), fc.nat()), 30, 300);
      for (const [s, pick] of samples) {
        const model = buildModel(s);
        if (model.records.length === 0) continue;
        const poisonKey = keyOfRecord(model, pick % model.records.length);
        const { verdict } = await run(s, createPoisonRecordHandler(new Map(), { poisonKey, reportItemFailures: reportsItemFailures(s) }));
        expect(correctnessAnomalies(verdict)).toEqual([]);
        const named = verdict.anomalies.filter((a) => a.invariant === 'progress-after-faults').flatMap((a) => a.records);
        expect(named.some((o) => keyOfRecord(model, o) === poisonKey)).toBe(true);
      }
    },
    TIMEOUT_MS,
  );
});

describe('legitimate: dead-lettering a record and acknowledging it', () => {
  it(
    'logsAndAcknowledges: the built-ins stay silent; the projection matches the final images except the dead-lettered item',
    async () => {
      const samples = sampleOf(fc.tuple(deliveredScenarios(), fc.nat()), 60, 600);
      let deadLettered = 0;
      for (const [s, pick] of samples) {
        const model = buildModel(s);
        if (model.records.length === 0) continue;
        const poisonKey = keyOfRecord(model, pick % model.records.length);
        const store: ProjectionStore = new Map();
        const deadLetters: DynamoDBRecord[] = [];
        const { verdict } = await run(s, { createHandler: () => createLogsAndAcknowledgesHandler(store, deadLetters, { poisonKey }) });
        expect(verdict.anomalies).toEqual([]);
        expect(projectionDifferences(store, model, { except: new Set([poisonKey]) })).toEqual([]);
        if (deadLetters.length > 0) deadLettered++;
      }
      expect(deadLettered).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});

/** A bug visible only downstream: the user invariant that catches it, and the correct handler it holds for. */
interface DownstreamBug {
  readonly name: string;
  readonly buggy: (state: { store: ProjectionStore; log: AuditEntry[] }) => StreamHandler;
  readonly correct: (state: { store: ProjectionStore; log: AuditEntry[] }) => StreamHandler;
  /** The user's invariant: problems found (empty when it holds). */
  readonly invariant: (state: { store: ProjectionStore; log: AuditEntry[] }, model: Model) => string[];
}

/** The audit log holds each change of the stream exactly once: counts per event name and sequence numbers. */
function auditLogProblems(log: readonly AuditEntry[], model: Model): string[] {
  const problems: string[] = [];
  for (const name of ['INSERT', 'MODIFY', 'REMOVE'] as const) {
    const logged = log.filter((e) => e.eventName === name).length;
    if (logged !== model.count(name)) problems.push(`${name}: logged ${logged}, the stream has ${model.count(name)}`);
  }
  const seqs = log.map((e) => e.sequenceNumber).sort();
  const expected = model.records.map((r) => r.seq).sort();
  if (seqs.join() !== expected.join()) problems.push('the logged sequence numbers are not the stream records, each once');
  return problems;
}

/** The correct audit log: a change is logged once, whatever the redeliveries. */
function idempotentAuditLog(log: AuditEntry[]): StreamHandler {
  return async (event) => {
    for (const record of event.Records) {
      const seq = record.dynamodb?.SequenceNumber ?? '';
      if (!log.some((e) => e.sequenceNumber === seq)) log.push({ eventName: record.eventName ?? '', sequenceNumber: seq });
    }
  };
}

const projectionMatches = (state: { store: ProjectionStore }, model: Model) => projectionDifferences(state.store, model);

const DOWNSTREAM_BUGS: readonly DownstreamBug[] = [
  { name: 'lostUpdate (sequence numbers compared as strings)', buggy: ({ store }) => createLostUpdateHandler(store), correct: ({ store }) => createProjectionHandler(store), invariant: projectionMatches },
  { name: 'dropsRemoves (REMOVE records ignored)', buggy: ({ store }) => createDropsRemovesHandler(store), correct: ({ store }) => createProjectionHandler(store), invariant: projectionMatches },
  { name: 'appendsAuditLog (not idempotent)', buggy: ({ log }) => createAppendsAuditLogHandler(log), correct: ({ log }) => idempotentAuditLog(log), invariant: ({ log }, model) => auditLogProblems(log, model) },
];

describe('downstream bugs: the built-ins stay silent, a user invariant against the model catches them', () => {
  for (const bug of DOWNSTREAM_BUGS) {
    it(
      bug.name,
      async () => {
        let caught = 0;
        for (const s of sampleOf(deliveredScenarios(), 60, 600)) {
          const buggy = { store: new Map(), log: [] } as { store: ProjectionStore; log: AuditEntry[] };
          const correct = { store: new Map(), log: [] } as { store: ProjectionStore; log: AuditEntry[] };
          const { verdict, model } = await run(s, { createHandler: () => bug.buggy(buggy) });
          expect(verdict.anomalies).toEqual([]);
          expect((await run(s, { createHandler: () => bug.correct(correct) })).verdict.anomalies).toEqual([]);
          expect(bug.invariant(correct, model)).toEqual([]);
          if (bug.invariant(buggy, model).length > 0) caught++;
        }
        expect(caught).toBeGreaterThan(0);
      },
      TIMEOUT_MS,
    );
  }
});
