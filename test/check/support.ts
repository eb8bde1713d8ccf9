import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { Anomaly, InvariantName } from '../../src/check/index.js';
import type { HandlerTarget } from '../../src/mapping/handlerTypes.js';
import { simulate } from '../../src/mapping/simulate.js';
import { buildModel, type Model } from '../../src/model/index.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import type { ScenarioParameters } from '../../src/scenario/scenario.js';
import type { Trace } from '../../src/trace/trace.js';
import type { TraceEvent } from '../../src/trace/traceEvent.js';
import { createReportsDependencyFailuresHandler } from '../../fixtures/handlers/reportsDependencyFailures.js';

/**
 * Shared helpers for the checker tests: simulated runs (trace + model), a corpus of correct
 * traces covering the mapping's features, and trace surgery to break exactly one rule.
 */

export interface Run {
  readonly name: string;
  readonly trace: Trace;
  readonly model: Model;
  /** The handler fails on some record on its own, so a liveness anomaly is expected (DESIGN §4). */
  readonly poison: boolean;
}

export const TABLE = { partitionKey: 'pk' } as const;
export const RBIF = ['ReportBatchItemFailures'] as const;
export const SQS = { onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } };
export const SNS = { onFailure: { destination: 'arn:aws:sns:us-east-1:123456789012:dlq-topic' } };
export const S3 = { onFailure: { destination: 'arn:aws:s3:::shardcheck-dlq' } };
const HOUR = 3_600_000;

export const put = (at: number, pk: string, v: number) => ({ type: 'put' as const, at, item: { pk, v } });
/** `count` puts `{ pk, v: i }`, so ordinal i has v = i. */
export const puts = (count: number, at: (i: number) => number = () => 0, pk: (i: number) => string = () => 'a') =>
  Array.from({ length: count }, (_, i) => put(at(i), pk(i), i));

export const vOf = (record: DynamoDBStreamEvent['Records'][number]): number => Number(record.dynamodb?.NewImage?.['v']?.N ?? record.dynamodb?.OldImage?.['v']?.N);

/** Simulates a scenario and builds its model. */
export async function simulated(name: string, params: ScenarioParameters, target: HandlerTarget, poison = false): Promise<Run> {
  const scenario = resolveScenario(params);
  return { name, trace: await simulate(scenario, target), model: buildModel(scenario), poison };
}

/** A handler that throws whenever its batch holds a record whose `v` is listed. */
export const throwsOn =
  (...vs: number[]) =>
  async (event: DynamoDBStreamEvent): Promise<void> => {
    if (event.Records.some((r) => vs.includes(vOf(r)))) throw new Error('poison');
  };

/** A handler that reports the records whose `v` is listed as failed (RBIF). */
export const reports =
  (...vs: number[]) =>
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => ({
    batchItemFailures: event.Records.filter((r) => vs.includes(vOf(r))).map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber! })),
  });

/** A correct partial-batch handler: writes each record downstream, reports the writes that failed. */
export const reportingHandler = createReportsDependencyFailuresHandler;

const ok = async () => undefined;

let corpusPromise: Promise<Run[]> | undefined;

/** Correct traces (simulated) over the mapping's features; built once per test file. */
export function corpus(): Promise<Run[]> {
  return (corpusPromise ??= buildCorpus());
}

async function buildCorpus(): Promise<Run[]> {
  const letters = ['a', 'b', 'c', 'd', 'e', 'f'];
  return Promise.all([
    simulated('R43 bisect with RBIF and a DLQ, one poison record', { table: TABLE, operations: puts(12, (i) => i * 100, (i) => `k${i % 3}`), stream: { shardCount: 2 }, mapping: { batchSize: 4, functionResponseTypes: RBIF, bisectBatchOnFunctionError: true, maximumRetryAttempts: 2, destinationConfig: SQS } }, throwsOn(5), true),
    simulated('R39 RBIF, MRA 3, batch 3, record 5 always reported', { table: TABLE, operations: puts(6), mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: 3, batchSize: 3, destinationConfig: SQS } }, reports(5), true),
    simulated('R39 knob off: partial progress keeps the count', { table: TABLE, operations: puts(6), mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: 3, batchSize: 3, destinationConfig: SNS }, semantics: { resetRetriesOnPartialProgress: false } }, reports(5), true),
    simulated('R24 MRA 2 without bisect', { table: TABLE, operations: [...puts(2), put(100, 'a', 2)], mapping: { maximumRetryAttempts: 2, destinationConfig: SQS } }, throwsOn(0), true),
    simulated('R25 injected errors until records expire (S3 destination)', { table: TABLE, operations: puts(5, (i) => i * 10_000), mapping: { maximumRecordAgeInSeconds: 60, destinationConfig: S3 }, faults: { invocations: [{ kind: 'error', match: { to: 90_000 } }] } }, ok),
    simulated('R33 throttled until expired (SNS destination)', { table: TABLE, operations: puts(3), mapping: { maximumRecordAgeInSeconds: 60, maximumRetryAttempts: 1, destinationConfig: SNS }, faults: { invocations: [{ kind: 'throttle', match: {} }] } }, ok),
    simulated('R33 throttles do not count', { table: TABLE, operations: puts(4), mapping: { maximumRetryAttempts: 1, bisectBatchOnFunctionError: true }, faults: { invocations: [{ kind: 'throttle', match: {}, times: 3 }, { kind: 'error', match: { attempt: 1 }, times: 2 }] } }, ok),
    simulated('R26 PF 4, RBIF, bisect, injected dependency and invocation faults', { table: TABLE, operations: puts(40, (i) => i * 50, (i) => letters[i % 6]!), mapping: { parallelizationFactor: 4, batchSize: 5, functionResponseTypes: RBIF, bisectBatchOnFunctionError: true, maximumRetryAttempts: 1, destinationConfig: SQS }, faults: { invocations: [{ kind: 'error', match: { attempt: 1, to: 1000 } }, { kind: 'timeout', match: { from: 1000, to: 1200 } }], dependencies: [{ kind: 'reject', match: { nth: 2 }, times: 20 }] } }, reportingHandler()),
    simulated('R26 PF 3 by item key, lanes blocking the shard', { table: { partitionKey: 'pk', sortKey: 'sk' }, operations: Array.from({ length: 24 }, (_, i) => ({ type: 'put' as const, at: i * 100, item: { pk: 'p', sk: `s${i % 5}`, v: i } })), mapping: { parallelizationFactor: 3, batchSize: 2 }, semantics: { laneKey: 'itemKey', laneFailureBlocks: 'shard' }, faults: { invocations: [{ kind: 'crash', match: { attempt: 1, to: 800 } }] } }, ok),
    simulated('R28 restart with an invocation in flight', { table: TABLE, operations: puts(2), timing: { invocationMs: 1000 }, faults: { timed: [{ kind: 'restart', at: 500 }] } }, ok),
    simulated('R28 restart at the instant the shard starts', { table: TABLE, operations: puts(3, (i) => i * 300), mapping: { parallelizationFactor: 2 }, faults: { timed: [{ kind: 'restart', at: 0 }, { kind: 'restart', at: 300 }] } }, ok),
    simulated('R28 disable and enable while a batch is failing', { table: TABLE, operations: puts(2), faults: { timed: [{ kind: 'disable', at: 700 }, { kind: 'enable', at: 3000 }] } }, failsTimes(2, () => true)),
    simulated('R28 disable and enable at one instant, PF 2', { table: TABLE, operations: puts(8, (i) => i * 100, (i) => letters[i % 4]!), mapping: { parallelizationFactor: 2 }, timing: { invocationMs: 100 }, faults: { timed: [{ kind: 'disable', at: 300 }, { kind: 'enable', at: 300 }, { kind: 'restart', at: 550 }] } }, ok),
    simulated('R28 re-enabled after its checkpoint was trimmed', { table: TABLE, operations: puts(3, (i) => [0, 10 * HOUR, 20 * HOUR][i]!), mapping: { enabled: false }, faults: { timed: [{ kind: 'enable', at: 30 * HOUR }] } }, ok),
    simulated('R28 disabled from the start', { table: TABLE, operations: puts(2), mapping: { enabled: false } }, ok),
    simulated('R6 poison batch trimmed after 24 h', { table: TABLE, operations: puts(2), stream: { trimLagMs: 0 } }, throwsOn(0), true),
    simulated('R7 split while the parent record fails', { table: TABLE, operations: [put(0, 'a', 0), put(500, 'a', 1), ...letters.map((pk, i) => put(2000, pk, i + 2))], stream: { topology: [{ kind: 'split', at: 1000, shard: 0 }] } }, failsTimes(3, (event) => event.Records.some((r) => vOf(r) === 1))),
    simulated('R7 rollover chain with a LATEST start', { table: TABLE, operations: puts(9, (i) => i * 1000), stream: { topology: [{ kind: 'rollover', at: 3000, shard: 0 }, { kind: 'rollover', at: 6000, shard: 1 }] }, mapping: { startingPosition: 'LATEST' }, timing: { latestStartJitterMs: 1500 }, simSeed: 3 }, ok),
    simulated('R22 LATEST skips what was written before', { table: TABLE, operations: puts(10, (i) => i * 1000), mapping: { startingPosition: 'LATEST' }, timing: { latestStartJitterMs: 5000 }, simSeed: 1 }, ok),
    simulated('R48 spontaneous duplicates', { table: TABLE, operations: [...puts(2), put(300, 'a', 2)], mapping: { maximumRetryAttempts: 0, bisectBatchOnFunctionError: true }, faults: { timed: [{ kind: 'duplicate', at: 100, shard: 0 }, { kind: 'duplicate', at: 600, shard: 0 }] } }, ok),
    simulated('R21 batches cut at 6 MB', { table: { partitionKey: 'pk', streamViewType: 'NEW_IMAGE' }, operations: Array.from({ length: 25 }, (_, v) => ({ type: 'put' as const, at: 0, item: { pk: `k${v}`, v, big: 'x'.repeat(300_000) } })) }, ok),
    simulated('R20 batching window', { table: TABLE, operations: puts(30, (i) => i * 200), mapping: { maximumBatchingWindowInSeconds: 2, batchSize: 7 } }, ok),
  ]);
}

/** A handler that fails its first `times` invocations that `when` selects, then succeeds. */
function failsTimes(times: number, when: (event: DynamoDBStreamEvent) => boolean) {
  let failures = 0;
  return async (event: DynamoDBStreamEvent): Promise<void> => {
    if (when(event) && failures++ < times) throw new Error('fails');
  };
}

/** A copy of the trace whose events `edit` may change (replace objects, splice); the original stays intact. */
export function mutate(trace: Trace, edit: (events: TraceEvent[]) => void): Trace {
  const events = [...trace.events];
  edit(events);
  return { ...trace, events };
}

type Of<K extends TraceEvent['type']> = Extract<TraceEvent, { type: K }>;

/** Index of the n-th (0-based) event of a type matching `where`; throws when there is none. */
export function indexOf<K extends TraceEvent['type']>(events: readonly TraceEvent[], type: K, where: (e: Of<K>) => boolean = () => true, nth = 0): number {
  let seen = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === type && where(e as Of<K>) && seen++ === nth) return i;
  }
  throw new Error(`no ${type} event #${nth} matches`);
}

/** The event at `at`, typed. */
export function at<K extends TraceEvent['type']>(events: readonly TraceEvent[], i: number, type: K): Of<K> {
  const e = events[i];
  if (e?.type !== type) throw new Error(`event ${i} is ${e?.type}, not ${type}`);
  return e as Of<K>;
}

/** The invariant names of a list of anomalies. */
export const names = (anomalies: readonly Anomaly[]): InvariantName[] => anomalies.map((a) => a.invariant);

/** The corpus run whose name starts with `prefix`. */
export async function byName(prefix: string): Promise<Run> {
  const run = (await corpus()).find((r) => r.name.startsWith(prefix));
  if (run === undefined) throw new Error(`no corpus run named ${prefix}…`);
  return run;
}

/** [rule, records, events] of each anomaly: the witnesses, for exact comparisons. */
export const witnesses = (anomalies: readonly Anomaly[]): [string, readonly number[], readonly number[]][] => anomalies.map((a) => [a.rule, a.records, a.events]);
