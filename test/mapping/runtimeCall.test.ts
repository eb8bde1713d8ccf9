import type { Callback, Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { wrapDeps } from '../../src/faults/wrapDeps.js';
import type { StreamHandler } from '../../src/mapping/handlerTypes.js';
import { simulate } from '../../src/mapping/simulate.js';
import type { ScenarioParameters } from '../../src/scenario/scenario.js';
import type { Trace } from '../../src/trace/trace.js';
import type { TraceEvent } from '../../src/trace/traceEvent.js';
import { puts, RBIF, TABLE } from './rules/helpers.js';

/*
 * How Lambda's Node.js runtimes call a handler (runtime interface client, Node.js 20 and 22; the
 * Node.js 24 runtime for the knob). R31: the outcome class of each dispatch follows from what the
 * runtime reports — a response (OK_*) or a function error.
 */

type Of<K extends TraceEvent['type']> = Extract<TraceEvent, { type: K }>;
const ofType = <K extends TraceEvent['type']>(trace: Trace, type: K): Of<K>[] => trace.events.filter((e): e is Of<K> => e.type === type);
const outcomes = (trace: Trace) => ofType(trace, 'result').map((r) => r.outcome);
const findings = (trace: Trace) => ofType(trace, 'finding').map((f) => f.kind);
const seq = (event: DynamoDBStreamEvent, i: number) => event.Records[i]!.dynamodb!.SequenceNumber!;
const macrotasks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

const scenario = (overrides: Partial<ScenarioParameters> = {}): ScenarioParameters => ({ table: TABLE, operations: puts(2), ...overrides });

/** A handler that answers its first call with `first`, and every later call with success. */
function firstCall(first: StreamHandler): StreamHandler {
  let calls = 0;
  return function handler(event, context, callback) {
    if (calls++ === 0) return first(event, context, callback);
    callback(null);
  };
}

describe('callback-based handlers (Node.js 20 and 22 runtimes)', () => {
  it('R31: callback(null, response) is the response: a partial batch response is honoured', async () => {
    const handler = (event: DynamoDBStreamEvent, _context: Context, callback: Callback<DynamoDBBatchResponse>) => {
      callback(null, { batchItemFailures: event.Records.length > 1 ? [{ itemIdentifier: seq(event, 1) }] : [] });
    };
    const trace = await simulate(scenario({ mapping: { functionResponseTypes: RBIF } }), handler);
    expect(outcomes(trace)).toEqual(['OK_PARTIAL', 'OK_SUCCESS']);
    expect(findings(trace)).toEqual([]);
  });

  it('R31, R34: callback(error) is a function error, the batch is retried', async () => {
    const trace = await simulate(scenario(), firstCall((_event, _context, callback) => callback(new TypeError('bad record'))));
    expect(ofType(trace, 'result').map((r) => [r.outcome, r.error?.errorType])).toEqual([
      ['FUNCTION_ERROR', 'TypeError'],
      ['OK_SUCCESS', undefined],
    ]);
    expect(findings(trace)).toEqual([]);
  });

  it('issue 11: a callback handler whose dependency fails reports it through the callback: a function error, no floating rejection', async () => {
    const deps = wrapDeps({ store: { put: async (_key: string) => undefined } });
    const handler: StreamHandler = (event, _context, callback) => {
      deps.store.put(seq(event, 0)).then(() => callback(null), callback);
    };
    const trace = await simulate(scenario({ faults: { dependencies: [{ kind: 'reject', match: { call: 0 } }] } }), handler);
    expect(ofType(trace, 'result').map((r) => [r.outcome, r.error?.errorType])).toEqual([
      ['FUNCTION_ERROR', 'ThrottlingError'],
      ['OK_SUCCESS', undefined],
    ]);
    expect(findings(trace)).toEqual([]);
  });

  it('callbackWaitsForEmptyEventLoop (default true): the invocation ends only after its pending dependency calls finish', async () => {
    const log: string[] = [];
    const defaults: boolean[] = [];
    const slowStore = {
      async put(key: string): Promise<void> {
        await macrotasks(20);
        log.push(`applied ${key}`);
      },
    };
    const runWith = async (waits: boolean) => {
      log.length = 0;
      const deps = wrapDeps({ store: slowStore });
      const handler: StreamHandler = (event, context, callback) => {
        log.push(`invoked ${event.Records[0]!.dynamodb!.NewImage!['v']!.N}`);
        defaults.push(context.callbackWaitsForEmptyEventLoop);
        context.callbackWaitsForEmptyEventLoop = waits;
        void deps.store.put(seq(event, 0)); // not awaited: only the event loop keeps it
        callback(null);
      };
      const trace = await simulate(scenario({ mapping: { batchSize: 1 } }), handler);
      await macrotasks(40);
      return { trace, log: [...log] };
    };
    const waiting = await runWith(true);
    expect(outcomes(waiting.trace)).toEqual(['OK_SUCCESS', 'OK_SUCCESS']);
    expect(waiting.log.slice(0, 3)).toEqual(['invoked 0', `applied ${waiting.trace.records[0]!.seq}`, 'invoked 1']);
    // Without waiting, the next invocation runs while the first one's call is still in flight.
    const eager = await runWith(false);
    expect(eager.log.slice(0, 2)).toEqual(['invoked 0', 'invoked 1']);
    expect(new Set(defaults)).toEqual(new Set([true])); // every invocation's context starts at the default
  });

  it('a pending call that never finishes keeps a waiting invocation open until it times out', async () => {
    const deps = wrapDeps({ store: { put: (_key: string): Promise<void> => new Promise(() => {}) } });
    const handler: StreamHandler = (event, _context, callback) => {
      void deps.store.put(seq(event, 0));
      callback(null);
    };
    const trace = await simulate(scenario({ operations: puts(1) }), firstCall(handler), { realTimeGuardMs: 50 });
    expect(ofType(trace, 'result').map((r) => [r.outcome, r.error?.errorType])).toEqual([
      ['FUNCTION_ERROR', 'Sandbox.Timedout'],
      ['OK_SUCCESS', undefined],
    ]);
  });

  it('the first of callback, promise, throw and context.done/succeed/fail decides; later ones are ignored', async () => {
    const rbif = scenario({ mapping: { functionResponseTypes: RBIF }, operations: puts(1) });
    const failing = { batchItemFailures: [{ itemIdentifier: 'unused' }] };
    const calledBackThenThrew = await simulate(rbif, (_event, _context, callback) => {
      callback(null);
      throw new Error('ignored');
    });
    expect(outcomes(calledBackThenThrew)).toEqual(['OK_SUCCESS']);
    const calledBackThenResolved = await simulate(rbif, async (event, _context, callback) => {
      callback(null, { batchItemFailures: [] });
      return { batchItemFailures: [{ itemIdentifier: seq(event, 0) }] };
    });
    expect(outcomes(calledBackThenResolved)).toEqual(['OK_SUCCESS']);
    const succeededThenFailed = await simulate(rbif, (_event, context) => {
      context.succeed(undefined);
      context.fail(new Error('ignored'));
      return failing as never;
    });
    expect(outcomes(succeededThenFailed)).toEqual(['OK_SUCCESS']);
  });

  it('context.fail, context.done and context.succeed end the invocation at once', async () => {
    const failed = await simulate(scenario({ operations: puts(1) }), firstCall((_event, context) => context.fail('handled here')));
    expect(ofType(failed, 'result')[0]).toMatchObject({ outcome: 'FUNCTION_ERROR', error: { errorType: 'string', errorMessage: 'handled here' } });
    expect(ofType(failed, 'finding').map((f) => f.detail)).toEqual(['passed to context.fail/done a string: handled here']);
    const done = await simulate(scenario({ operations: puts(1) }), firstCall((_event, context) => context.done(new RangeError('out'))));
    expect(ofType(done, 'result')[0]).toMatchObject({ outcome: 'FUNCTION_ERROR', error: { errorType: 'RangeError', errorMessage: 'out' } });
    const succeeded = await simulate(scenario({ operations: puts(1), mapping: { functionResponseTypes: RBIF } }), (event, context) => {
      context.succeed({ batchItemFailures: [{ itemIdentifier: seq(event, 0) }] });
    });
    expect(outcomes(succeeded).slice(0, 1)).toEqual(['OK_PARTIAL']);
  });

  it("a non-async handler's return value is ignored, as on AWS: with no callback it succeeds with no response once idle", async () => {
    const syncReturn = ((event: DynamoDBStreamEvent) => ({ batchItemFailures: [{ itemIdentifier: seq(event, 0) }] })) as unknown as StreamHandler;
    const trace = await simulate(scenario({ operations: puts(1), mapping: { functionResponseTypes: RBIF } }), syncReturn);
    expect(ofType(trace, 'result')).toEqual([expect.objectContaining({ outcome: 'OK_SUCCESS' })]);
    expect(ofType(trace, 'result')[0]).not.toHaveProperty('response');
  });
});

describe("function.runtime 'nodejs24.x'", () => {
  it('refuses a callback-based handler at once, naming the fix, before calling it', async () => {
    let called = false;
    const handler: StreamHandler = (_event, _context, callback) => {
      called = true;
      callback(null);
    };
    await expect(simulate(scenario({ function: { runtime: 'nodejs24.x' } }), handler)).rejects.toThrow(
      "function.runtime 'nodejs24.x' refuses callback-based handlers, and this handler declares 3 parameters (event, context, callback): make it async and return or throw instead of calling back, or set function.runtime to 'nodejs22.x' (got handler.length 3)",
    );
    expect(called).toBe(false);
  });

  it("awaits a two-parameter handler: a synchronous return value is the response; context.succeed does not exist", async () => {
    const syncReturn = ((event: DynamoDBStreamEvent) => ({ batchItemFailures: event.Records.length > 1 ? [{ itemIdentifier: seq(event, 1) }] : [] })) as unknown as StreamHandler;
    const trace = await simulate(scenario({ function: { runtime: 'nodejs24.x' }, mapping: { functionResponseTypes: RBIF } }), syncReturn);
    expect(outcomes(trace)).toEqual(['OK_PARTIAL', 'OK_SUCCESS']);
    let calls = 0;
    const legacy = await simulate(scenario({ function: { runtime: 'nodejs24.x' }, operations: puts(1) }), async (_event, context) => {
      if (calls++ === 0) context.succeed(undefined);
    });
    expect(ofType(legacy, 'result')[0]).toMatchObject({ outcome: 'FUNCTION_ERROR', error: { errorMessage: 'context.succeed() does not exist in the Node.js 24 runtime: return (or throw) from the async handler instead' } });
  });

  it('rejects an unknown runtime with the option, the rule and the value', async () => {
    await expect(simulate(scenario({ function: { runtime: 'nodejs18.x' as never } }), async () => undefined)).rejects.toThrow(
      'function.runtime must be one of nodejs20.x, nodejs22.x, nodejs24.x (got "nodejs18.x")',
    );
  });
});
