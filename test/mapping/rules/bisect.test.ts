import { describe, expect, it } from 'vitest';
import {
  checkpoints,
  deliveries,
  discards,
  eventsOf,
  onlyPayload,
  puts,
  RBIF,
  recorder,
  reportFailures,
  run,
  SQS_DLQ,
  summary,
  TABLE,
} from './helpers.js';

const poison = (v: number) =>
  recorder((call) => {
    if (call.vs.includes(v)) throw new Error(`poison ${v}`);
  });
const bisects = (trace: Awaited<ReturnType<typeof run>>) => eventsOf(trace, 'bisect').map((b) => [b.left, b.right]);

describe('bisect on function error (R23, R43, R44)', () => {
  it('R43: a failed batch splits into contiguous halves, left first, down to the poison record', async () => {
    const rec = poison(2);
    const trace = await run(
      {
        table: TABLE,
        operations: puts(4),
        mapping: { bisectBatchOnFunctionError: true, maximumRetryAttempts: 1, destinationConfig: { onFailure: { destination: SQS_DLQ } } },
      },
      rec.handler,
    );
    expect(summary(trace)).toEqual([
      [[0, 1, 2, 3], 1, 'FUNCTION_ERROR'],
      [[0, 1], 1, 'OK_SUCCESS'],
      [[2, 3], 1, 'FUNCTION_ERROR'],
      // size 1: only now do same-size retries count against MaximumRetryAttempts (fresh counter)
      [[2], 1, 'FUNCTION_ERROR'],
      [[2], 2, 'FUNCTION_ERROR'],
      [[3], 1, 'OK_SUCCESS'],
    ]);
    expect(bisects(trace)).toEqual([
      [[0, 1], [2, 3]],
      [[2], [3]],
    ]);
    expect(discards(trace).map((d) => [d.records, d.condition])).toEqual([[[2], 'RetryAttemptsExhausted']]);
    const payload = onlyPayload(trace);
    expect(payload.requestContext.approximateInvokeCount).toBe(2);
    expect(payload.DDBStreamBatchInfo.batchSize).toBe(1);
    expect(checkpoints(trace)).toEqual([1, 2, 3]);
    // siblings of the poison record that succeeded inside a failed invocation are delivered again
    expect([0, 1, 2, 3].map((o) => deliveries(trace, o))).toEqual([2, 2, 4, 3]);
  });

  it('R43: an odd batch splits with the extra record on the left (ambiguity 1 default)', async () => {
    const trace = await run({ table: TABLE, operations: puts(5), mapping: { bisectBatchOnFunctionError: true, maximumRetryAttempts: 0 } }, poison(4).handler);
    expect(bisects(trace)).toEqual([
      [[0, 1, 2], [3, 4]],
      [[3], [4]],
    ]);
    expect(summary(trace)).toEqual([
      [[0, 1, 2, 3, 4], 1, 'FUNCTION_ERROR'],
      [[0, 1, 2], 1, 'OK_SUCCESS'],
      [[3, 4], 1, 'FUNCTION_ERROR'],
      [[3], 1, 'OK_SUCCESS'],
      [[4], 1, 'FUNCTION_ERROR'],
    ]);
  });

  it('R43: splitting does not consume the retry quota (MRA 0 still reaches the single poison record)', async () => {
    const trace = await run({ table: TABLE, operations: puts(8), mapping: { bisectBatchOnFunctionError: true, maximumRetryAttempts: 0 } }, poison(5).handler);
    expect(bisects(trace)).toEqual([
      [[0, 1, 2, 3], [4, 5, 6, 7]],
      [[4, 5], [6, 7]],
      [[4], [5]],
    ]);
    expect(discards(trace).map((d) => d.records)).toEqual([[5]]);
    expect(checkpoints(trace)).toEqual([3, 4, 5, 7]);
  });

  it('R43: bisection happens on a function error regardless of ReportBatchItemFailures', async () => {
    const trace = await run(
      { table: TABLE, operations: puts(2), mapping: { bisectBatchOnFunctionError: true, functionResponseTypes: RBIF, maximumRetryAttempts: 0 } },
      poison(1).handler,
    );
    expect(bisects(trace)).toEqual([[[0], [1]]]);
    expect(discards(trace).map((d) => d.records)).toEqual([[1]]);
  });

  it('R43: a malformed RBIF response is a failed invocation and is bisected too [INF]', async () => {
    const rec = recorder((call) => (call.vs.includes(1) ? { batchItemFailures: [{ itemIdentifier: '' }] } : undefined));
    const trace = await run(
      { table: TABLE, operations: puts(2), mapping: { bisectBatchOnFunctionError: true, functionResponseTypes: RBIF, maximumRetryAttempts: 0 } },
      rec.handler,
    );
    expect(summary(trace)).toEqual([
      [[0, 1], 1, 'OK_MALFORMED'],
      [[0], 1, 'OK_SUCCESS'],
      [[1], 1, 'OK_MALFORMED'],
    ]);
    expect(bisects(trace)).toEqual([[[0], [1]]]);
  });

  it('R23: BatchSize is unchanged for later batches after a split', async () => {
    const rec = recorder((call) => {
      if (call.vs.includes(1) && call.seen(1) === 1) throw new Error('once');
    });
    const trace = await run(
      {
        table: TABLE,
        operations: [...puts(4), ...puts(4, { at: () => 100 }).map((op, i) => ({ ...op, item: { pk: 'a', v: i + 4 } }))],
        mapping: { bisectBatchOnFunctionError: true, batchSize: 4 },
      },
      rec.handler,
    );
    expect(summary(trace)).toEqual([
      [[0, 1, 2, 3], 1, 'FUNCTION_ERROR'],
      [[0, 1], 1, 'OK_SUCCESS'],
      [[2, 3], 1, 'OK_SUCCESS'],
      [[4, 5, 6, 7], 1, 'OK_SUCCESS'],
    ]);
  });

  it('R23: without BisectBatchOnFunctionError nothing is split', async () => {
    const trace = await run({ table: TABLE, operations: puts(4), mapping: { maximumRetryAttempts: 1 } }, poison(2).handler);
    expect(bisects(trace)).toEqual([]);
    expect(summary(trace)).toEqual([
      [[0, 1, 2, 3], 1, 'FUNCTION_ERROR'],
      [[0, 1, 2, 3], 2, 'FUNCTION_ERROR'],
    ]);
  });

  it('R44: with bisect and RBIF a partial response commits before the returned record and retries the rest — no halving', async () => {
    const rec = recorder((call) => (call.n === 0 ? reportFailures(call, [2]) : undefined));
    const trace = await run({ table: TABLE, operations: puts(6), mapping: { bisectBatchOnFunctionError: true, functionResponseTypes: RBIF } }, rec.handler);
    expect(summary(trace)).toEqual([
      [[0, 1, 2, 3, 4, 5], 1, 'OK_PARTIAL'],
      [[2, 3, 4, 5], 1, 'OK_SUCCESS'],
    ]);
    expect(bisects(trace)).toEqual([]);
    expect(checkpoints(trace)).toEqual([1, 5]);
  });

  it('R44: a later function error of the retried suffix is halved (ambiguity 2 default)', async () => {
    const rec = recorder((call) => {
      if (call.n === 0) return reportFailures(call, [2]);
      if (call.n === 1) throw new Error('suffix fails');
      return undefined;
    });
    const trace = await run({ table: TABLE, operations: puts(4), mapping: { bisectBatchOnFunctionError: true, functionResponseTypes: RBIF } }, rec.handler);
    expect(summary(trace)).toEqual([
      [[0, 1, 2, 3], 1, 'OK_PARTIAL'],
      [[2, 3], 1, 'FUNCTION_ERROR'],
      [[2], 1, 'OK_SUCCESS'],
      [[3], 1, 'OK_SUCCESS'],
    ]);
    expect(bisects(trace)).toEqual([[[2], [3]]]);
    expect(checkpoints(trace)).toEqual([1, 2, 3]);
  });

  it('R44: a partial response that names the first record of the set is retried, not bisected', async () => {
    const rec = recorder((call) => reportFailures(call, [0]));
    const trace = await run(
      { table: TABLE, operations: puts(4), mapping: { bisectBatchOnFunctionError: true, functionResponseTypes: RBIF, maximumRetryAttempts: 1 } },
      rec.handler,
    );
    expect(bisects(trace)).toEqual([]);
    expect(summary(trace)).toEqual([
      [[0, 1, 2, 3], 1, 'OK_PARTIAL'],
      [[0, 1, 2, 3], 2, 'OK_PARTIAL'],
    ]);
    expect(discards(trace).map((d) => d.records)).toEqual([[0, 1, 2, 3]]);
  });
});
