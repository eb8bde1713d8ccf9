import { describe, expect, it } from 'vitest';
import type { StreamHandler } from '../../../src/mapping/handlerTypes.js';
import { eventsOf, invocations, keyPerShard, puts, run, TABLE, vOf } from './helpers.js';

/** A factory whose handlers keep module-level state: a per-environment call counter. */
function countingFactory() {
  const created: number[] = [];
  const seen: { env: number; count: number; vs: (number | undefined)[]; remaining: number; requestId: string }[] = [];
  return {
    created,
    seen,
    target: {
      createHandler({ env }: { env: number }): StreamHandler {
        created.push(env);
        let count = 0; // module state of this environment
        return async (event, context) => {
          count++;
          seen.push({ env, count, vs: event.Records.map(vOf), remaining: context.getRemainingTimeInMillis(), requestId: context.awsRequestId });
        };
      },
    },
  };
}

const spaced = puts(3, { at: (i) => [0, 300, 600][i]! }); // three batches, one at a time

describe('execution environments (cold starts, module state, recycling)', () => {
  it('createHandler is called once per cold start; module state survives while the environment is warm', async () => {
    const f = countingFactory();
    const trace = await run({ table: TABLE, operations: spaced }, f.target);
    expect(f.created).toEqual([0]);
    expect(eventsOf(trace, 'env-start').map((e) => [e.env, e.dispatch])).toEqual([[0, 0]]);
    expect(invocations(trace).map((i) => i.env)).toEqual([0, 0, 0]);
    expect(f.seen.map((s) => [s.env, s.count, s.vs])).toEqual([
      [0, 1, [0]],
      [0, 2, [1]],
      [0, 3, [2]],
    ]);
  });

  it('a timeout runs the handler (effects stay), loses its response, recycles the environment and loses module state', async () => {
    const f = countingFactory();
    const trace = await run({ table: TABLE, operations: spaced, faults: { invocations: [{ kind: 'timeout', match: { dispatch: 1 } }] } }, f.target);
    const inv = invocations(trace);
    expect(inv.map((i) => [i.t, i.resultT, i.env, i.records, i.attempt, i.outcome, i.fault])).toEqual([
      [0, 0, 0, [0], 1, 'OK_SUCCESS', undefined],
      // the default function timeout is 3 s: the attempt occupies the shard until t = 3500
      [500, 3500, 0, [1], 1, 'FUNCTION_ERROR', 'timeout'],
      [4000, 4000, 1, [1], 2, 'OK_SUCCESS', undefined],
      [4000, 4000, 1, [2], 1, 'OK_SUCCESS', undefined],
    ]);
    expect(eventsOf(trace, 'result')[1]!.error).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 3.00 seconds' });
    expect(eventsOf(trace, 'env-recycle').map((e) => [e.t, e.env, e.reason])).toEqual([[3500, 0, 'timeout']]);
    expect(eventsOf(trace, 'env-start').map((e) => [e.t, e.env])).toEqual([
      [0, 0],
      [4000, 1],
    ]);
    expect(f.created).toEqual([0, 1]);
    // the timed-out run did happen (count 2 in env 0); env 1 starts from fresh module state
    expect(f.seen.map((s) => [s.env, s.count, s.vs])).toEqual([
      [0, 1, [0]],
      [0, 2, [1]],
      [1, 1, [1]],
      [1, 2, [2]],
    ]);
  });

  it('an idle reclaim recycles warm environments; the next invocation cold-starts', async () => {
    const f = countingFactory();
    const trace = await run({ table: TABLE, operations: spaced, faults: { timed: [{ kind: 'reclaim', at: 400 }] } }, f.target);
    expect(eventsOf(trace, 'env-recycle').map((e) => [e.t, e.env, e.reason])).toEqual([[400, 0, 'reclaim']]);
    expect(invocations(trace).map((i) => i.env)).toEqual([0, 1, 1]);
    expect(f.created).toEqual([0, 1]);
    expect(f.seen.map((s) => [s.env, s.count])).toEqual([
      [0, 1],
      [1, 1],
      [1, 2],
    ]);
  });

  it('a reclaim spares an environment that is busy with an invocation', async () => {
    const f = countingFactory();
    const trace = await run(
      { table: TABLE, operations: spaced, timing: { invocationMs: 1000 }, faults: { timed: [{ kind: 'reclaim', at: 500 }] } },
      f.target,
    );
    expect(eventsOf(trace, 'env-recycle')).toEqual([]);
    expect(f.created).toEqual([0]);
    expect(invocations(trace).map((i) => i.env)).toEqual([0, 0]);
  });

  it('a crash after the handler ran recycles the environment; an injected error never calls the handler', async () => {
    const f = countingFactory();
    const trace = await run(
      {
        table: TABLE,
        operations: spaced,
        faults: {
          invocations: [
            { kind: 'crash', match: { dispatch: 0 } },
            { kind: 'error', match: { dispatch: 1 } },
          ],
        },
      },
      f.target,
    );
    const inv = invocations(trace);
    expect(inv.slice(0, 3).map((i) => [i.env, i.records, i.attempt, i.outcome, i.fault])).toEqual([
      [0, [0], 1, 'FUNCTION_ERROR', 'crash'],
      [1, [0], 2, 'FUNCTION_ERROR', 'error'],
      [2, [0], 3, 'OK_SUCCESS', undefined],
    ]);
    expect(eventsOf(trace, 'env-recycle').map((e) => [e.env, e.reason])).toEqual([
      [0, 'crash'],
      [1, 'crash'],
    ]);
    // env 1 never ran the factory: the injected error struck before the handler
    expect(f.created).toEqual([0, 2]);
    expect(f.seen.map((s) => [s.env, s.vs])).toEqual([
      [0, [0]],
      [2, [0]],
      [2, [1, 2]], // both arrived while record 0 was being retried
    ]);
  });

  it('concurrent invocations get separate environments; idle ones are reused afterwards', async () => {
    const keys = await keyPerShard(2);
    const f = countingFactory();
    const operations = [0, 1, 2, 3].map((v) => ({ type: 'put' as const, at: v < 2 ? 0 : 500, item: { pk: keys[v % 2]!, v } }));
    const trace = await run({ table: TABLE, operations, stream: { shardCount: 2 } }, f.target);
    expect(f.created).toEqual([0, 1]);
    const inv = invocations(trace);
    expect(inv.map((i) => i.t)).toEqual([0, 0, 500, 500]);
    expect(new Set(inv.slice(0, 2).map((i) => i.env))).toEqual(new Set([0, 1]));
    expect(new Set(inv.slice(2).map((i) => i.env))).toEqual(new Set([0, 1]));
    expect(eventsOf(trace, 'env-start')).toHaveLength(2);
  });

  it('a plain handler (not a factory) keeps its state across recycles', async () => {
    let count = 0;
    const counts: number[] = [];
    const handler: StreamHandler = async () => {
      counts.push(++count);
    };
    const trace = await run({ table: TABLE, operations: spaced, faults: { invocations: [{ kind: 'timeout', match: { dispatch: 1 } }] } }, handler);
    expect(eventsOf(trace, 'env-recycle')).toHaveLength(1);
    expect(counts).toEqual([1, 2, 3, 4]);
  });

  it('the context carries the request id and counts remaining time in virtual time', async () => {
    const f = countingFactory();
    const trace = await run({ table: TABLE, operations: spaced, function: { timeout: 7 } }, f.target);
    expect(f.seen.map((s) => s.remaining)).toEqual([7000, 7000, 7000]);
    expect(f.seen.map((s) => s.requestId)).toEqual(invocations(trace).map((i) => i.requestId));
  });

  it('a failing createHandler is an init failure: a function error that is retried in a new environment [INF]', async () => {
    let calls = 0;
    const target = {
      createHandler(): StreamHandler {
        if (++calls === 1) throw new Error('init boom');
        return async () => undefined;
      },
    };
    const trace = await run({ table: TABLE, operations: puts(1) }, target);
    expect(invocations(trace).map((i) => [i.env, i.attempt, i.outcome])).toEqual([
      [0, 1, 'FUNCTION_ERROR'],
      [1, 2, 'OK_SUCCESS'],
    ]);
    expect(eventsOf(trace, 'env-recycle').map((e) => e.reason)).toEqual(['init-failure']);
    expect(eventsOf(trace, 'finding').map((e) => e.kind)).toEqual(['init-failed']);
  });
});
