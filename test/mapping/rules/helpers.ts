import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { HandlerTarget, StreamHandler } from '../../../src/mapping/handlerTypes.js';
import type { SimulateOptions } from '../../../src/mapping/Simulator.js';
import { simulate } from '../../../src/mapping/simulate.js';
import type { ScenarioParameters } from '../../../src/scenario/scenario.js';
import type { TableOperation } from '../../../src/table/tableOperation.js';
import type { Trace } from '../../../src/trace/trace.js';
import type { OnFailureMessage, OutcomeClass, TraceEvent } from '../../../src/trace/traceEvent.js';

/**
 * Shared helpers for the rule tests (spec R1–R65). Scenarios are written by hand: items carry a
 * numeric attribute `v` equal to the record ordinal the write produces, so handlers can script
 * behaviour per record and tests can assert per ordinal.
 */

export const TABLE = { partitionKey: 'pk' } as const;
export const SQS_DLQ = 'arn:aws:sqs:us-east-1:123456789012:dlq';
export const SNS_DLQ = 'arn:aws:sns:us-east-1:123456789012:dlq-topic';
export const S3_DLQ = 'arn:aws:s3:::shardcheck-dlq';
export const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:shardcheck-handler';
export const RBIF = ['ReportBatchItemFailures'] as const;

/** `count` puts `{ pk, v: i }`; by default all at t=0 on one key, so ordinal i has v = i. */
export function puts(count: number, opts: { at?: (i: number) => number; pk?: (i: number) => string } = {}): TableOperation[] {
  const at = opts.at ?? (() => 0);
  const pk = opts.pk ?? (() => 'a');
  return Array.from({ length: count }, (_, i) => ({ type: 'put' as const, at: at(i), item: { pk: pk(i), v: i } }));
}

/** The `v` attribute of a record (from NewImage, else OldImage), or undefined. */
export function vOf(record: DynamoDBRecord): number | undefined {
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  const n = image?.['v']?.N;
  return n === undefined ? undefined : Number(n);
}

export function seqOfRecord(record: DynamoDBRecord): string {
  return record.dynamodb!.SequenceNumber!;
}

/** What a scripted handler sees on one call. */
export interface Call {
  /** 0-based index of this call among all calls of the recorder. */
  readonly n: number;
  readonly vs: readonly (number | undefined)[];
  readonly seqs: readonly string[];
  readonly records: readonly DynamoDBRecord[];
  readonly event: DynamoDBStreamEvent;
  readonly context: Context;
  /** How many times each `v` in this call has been seen so far, including this call. */
  readonly seen: (v: number) => number;
}

export type Script = (call: Call) => DynamoDBBatchResponse | void | unknown | Promise<DynamoDBBatchResponse | void | unknown>;

export interface Recorder {
  readonly handler: StreamHandler;
  readonly calls: Call[];
}

/** A handler that records every event it receives and then runs `script` (throw to fail). */
export function recorder(script: Script = () => undefined): Recorder {
  const calls: Call[] = [];
  const counts = new Map<number, number>();
  const handler: StreamHandler = async (event, context) => {
    const records = event.Records;
    const vs = records.map(vOf);
    for (const v of vs) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    const call: Call = { n: calls.length, vs, seqs: records.map(seqOfRecord), records, event, context, seen: (v) => counts.get(v) ?? 0 };
    calls.push(call);
    return (await script(call)) as DynamoDBBatchResponse | void;
  };
  return { handler, calls };
}

/** An RBIF response naming the records whose `v` is in `failed`, in the order given. */
export function reportFailures(call: Call, failed: readonly number[]): DynamoDBBatchResponse {
  const items = failed.flatMap((v) => {
    const i = call.vs.indexOf(v);
    return i < 0 ? [] : [{ itemIdentifier: call.seqs[i]! }];
  });
  return { batchItemFailures: items };
}

export async function run(scenario: ScenarioParameters, target: HandlerTarget, options?: SimulateOptions): Promise<Trace> {
  return simulate(scenario, target, options);
}

type EventOf<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

export function eventsOf<T extends TraceEvent['type']>(trace: Trace, type: T): EventOf<T>[] {
  return trace.events.filter((e): e is EventOf<T> => e.type === type);
}

/** One dispatch: the invoke event joined with its result. */
export interface Invocation {
  readonly id: number;
  readonly t: number;
  readonly shard: number;
  readonly lane: number;
  readonly env: number | null;
  readonly attempt: number;
  readonly records: readonly number[];
  readonly duplicate: boolean;
  readonly requestId: string;
  readonly outcome: OutcomeClass | undefined;
  readonly resultT: number | undefined;
  readonly lowest: string | undefined;
  readonly fault: string | undefined;
  readonly response: unknown;
}

export function invocations(trace: Trace): Invocation[] {
  const results = new Map(eventsOf(trace, 'result').map((r) => [r.id, r]));
  return eventsOf(trace, 'invoke').map((e) => {
    const r = results.get(e.id);
    return {
      id: e.id,
      t: e.t,
      shard: e.shard,
      lane: e.lane,
      env: e.env,
      attempt: e.attempt,
      records: e.records,
      duplicate: e.duplicate,
      requestId: e.requestId,
      outcome: r?.outcome,
      resultT: r?.t,
      lowest: r?.lowest,
      fault: r?.fault,
      response: r?.response,
    };
  });
}

/** Compact view for exact comparisons: `[records, attempt, outcome]` per dispatch. */
export function summary(trace: Trace, shard?: number): [readonly number[], number, OutcomeClass | undefined][] {
  return invocations(trace)
    .filter((i) => shard === undefined || i.shard === shard)
    .map((i) => [i.records, i.attempt, i.outcome]);
}

/** Record ordinals of every checkpoint event (optionally of one shard), in order. */
export function checkpoints(trace: Trace, shard?: number): number[] {
  return eventsOf(trace, 'checkpoint')
    .filter((c) => shard === undefined || c.shard === shard)
    .map((c) => c.record);
}

/** How many dispatches that reached the function (env ≠ null) carried record `ordinal`. */
export function deliveries(trace: Trace, ordinal: number): number {
  return invocations(trace).filter((i) => i.env !== null && i.records.includes(ordinal)).length;
}

export function seqOf(trace: Trace, ordinal: number): string {
  return trace.records[ordinal]!.seq;
}

export function discards(trace: Trace): EventOf<'discard'>[] {
  return eventsOf(trace, 'discard');
}

export function onlyPayload(trace: Trace): OnFailureMessage {
  const all = discards(trace);
  if (all.length !== 1) throw new Error(`expected exactly one discard, got ${all.length}`);
  const payload = all[0]!.payload;
  if (payload === null) throw new Error('the discard has no destination payload');
  return payload;
}

export function endReason(trace: Trace): string | undefined {
  return eventsOf(trace, 'end')[0]?.reason;
}

/** ISO-8601 with whole seconds, as DDBStreamBatchInfo prints arrival times. */
export function isoSeconds(trace: Trace, t: number): string {
  return new Date(Math.floor((trace.startEpochMs + t) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * For each of `shardCount` initial shards, a partition key `k<n>` that routes to it. Found by
 * simulating (not by re-implementing the routing hash), so tests do not depend on its details.
 */
export async function keyPerShard(shardCount: number): Promise<string[]> {
  const candidates = Array.from({ length: 20 * shardCount }, (_, n) => `k${n}`);
  const trace = await simulate({ table: TABLE, operations: candidates.map((pk) => ({ type: 'put' as const, at: 0, item: { pk } })), stream: { shardCount } }, async () => undefined);
  const out: string[] = [];
  for (let shard = 0; shard < shardCount; shard++) {
    const record = trace.records.find((r) => r.shard === shard);
    if (record === undefined) throw new Error(`no candidate key routes to shard ${shard}`);
    out.push(record.partitionKey);
  }
  return out;
}

/** For each PF lane, `perLane` partition keys `p<n>` that land in it (lane key: partition key). */
export async function keysPerLane(pf: number, perLane = 1): Promise<string[][]> {
  const candidates = Array.from({ length: 30 * pf * perLane }, (_, n) => `p${n}`);
  const trace = await simulate(
    { table: TABLE, operations: candidates.map((pk) => ({ type: 'put' as const, at: 0, item: { pk } })), mapping: { parallelizationFactor: pf } },
    async () => undefined,
  );
  const out: string[][] = Array.from({ length: pf }, () => []);
  for (const inv of eventsOf(trace, 'invoke')) {
    for (const o of inv.records) {
      const keys = out[inv.lane]!;
      if (keys.length < perLane) keys.push(trace.records[o]!.partitionKey);
    }
  }
  if (out.some((keys) => keys.length < perLane)) throw new Error(`not enough candidate keys per lane for PF ${pf}`);
  // keep candidate order within a lane, for stable tests
  return out.map((keys) => keys.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
}

/** A handler wrapper that measures how many of its calls overlap. */
export function concurrencyProbe(inner: StreamHandler = async () => undefined): { handler: StreamHandler; max: () => number } {
  let active = 0;
  let max = 0;
  const handler: StreamHandler = async (event, context) => {
    active++;
    max = Math.max(max, active);
    try {
      await new Promise((resolve) => setImmediate(resolve));
      return await inner(event, context, () => undefined);
    } finally {
      active--;
    }
  };
  return { handler, max: () => max };
}
