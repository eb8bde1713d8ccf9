import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { HandlerFactory, StreamHandler } from '../../src/mapping/handlerTypes.js';
import { simulate } from '../../src/mapping/simulate.js';
import type { ScenarioParameters } from '../../src/scenario/scenario.js';
import type { Trace } from '../../src/trace/trace.js';
import type { TraceEvent } from '../../src/trace/traceEvent.js';

/*
 * DESIGN.md §4: user code is called defensively. Hangs, mutations, odd throws, floating
 * rejections, failed cold starts and unserialisable responses become data (findings and
 * outcomes), never a crash, a hang, or an unhandled rejection in the user's test runner.
 */

type Of<K extends TraceEvent['type']> = Extract<TraceEvent, { type: K }>;
const ofType = <K extends TraceEvent['type']>(trace: Trace, type: K): Of<K>[] => trace.events.filter((e): e is Of<K> => e.type === type);
const resultOf = (trace: Trace, id: number): Of<'result'> | undefined => ofType(trace, 'result').find((e) => e.id === id);
const findings = (trace: Trace) => ofType(trace, 'finding').map((f) => ({ kind: f.kind, dispatch: f.dispatch }));
const recycles = (trace: Trace) => ofType(trace, 'env-recycle').map((e) => ({ env: e.env, reason: e.reason }));
const end = (trace: Trace) => trace.events.at(-1);
const realDelay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

const puts = (count: number, step = 1000): ScenarioParameters['operations'] =>
  Array.from({ length: count }, (_, i) => ({ type: 'put' as const, at: i * step, item: { pk: `k${i}`, v: i } }));

const scenario = (overrides: Partial<ScenarioParameters> = {}): ScenarioParameters => ({
  table: { partitionKey: 'pk' },
  operations: puts(3),
  ...overrides,
});

/** Every record of the stream is behind the checkpoint of its shard. */
function allCheckpointed(trace: Trace): boolean {
  return trace.shards.every((shard) => {
    const records = trace.records.filter((r) => r.shard === shard.ordinal);
    if (records.length === 0) return true;
    const last = ofType(trace, 'checkpoint').filter((c) => c.shard === shard.ordinal).at(-1);
    return last?.record === records.at(-1)!.ordinal;
  });
}

describe('hostile handlers', () => {
  it('a handler that never settles is cut by the real-time guard; the run goes on', async () => {
    let calls = 0;
    const handler: StreamHandler = () => {
      calls++;
      if (calls === 1) return new Promise<void>(() => {});
      return undefined;
    };
    const started = performance.now();
    const trace = await simulate(scenario({ function: { timeout: 7 } }), handler, { realTimeGuardMs: 50 });
    expect(performance.now() - started).toBeLessThan(2_000);

    expect(findings(trace)).toContainEqual({ kind: 'handler-hung', dispatch: 0 });
    expect(resultOf(trace, 0)).toMatchObject({
      outcome: 'FUNCTION_ERROR',
      t: 7_000, // a hang costs the whole function timeout of virtual time
      error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 7.00 seconds' },
    });
    const invoke0 = ofType(trace, 'invoke').find((e) => e.id === 0)!;
    expect(recycles(trace)).toContainEqual({ env: invoke0.env!, reason: 'hung' });
    // The retry gets a fresh environment and everything is processed.
    const retry = ofType(trace, 'invoke').find((e) => e.id === 1)!;
    expect(retry).toMatchObject({ attempt: 2, records: invoke0.records });
    expect(retry.env).not.toBe(invoke0.env);
    expect(resultOf(trace, 1)?.outcome).toBe('OK_SUCCESS');
    // Records 1 and 2 arrived while the lane was stuck; they follow as one batch.
    expect(ofType(trace, 'invoke').map((e) => [e.id, e.attempt, e.records])).toEqual([
      [0, 1, [0]],
      [1, 2, [0]],
      [2, 1, [1, 2]],
    ]);
    expect(calls).toBe(3);
    expect(allCheckpointed(trace)).toBe(true);
    expect(end(trace)).toMatchObject({ type: 'end', reason: 'drained' });
  });

  it('a handler cut as hung that rejects later leaks nothing and changes nothing', async () => {
    let calls = 0;
    const trace = await simulate(scenario({ operations: puts(2) }), async () => {
      calls++;
      if (calls === 1) return new Promise<void>((_, reject) => setTimeout(() => reject(new Error('too late')), 60));
    }, { realTimeGuardMs: 20 });
    await realDelay(80); // let the late rejection land: it must not reach vitest as unhandled
    expect(ofType(trace, 'finding').map((f) => [f.kind, f.dispatch])).toEqual([['handler-hung', 0]]);
    expect(ofType(trace, 'result').map((r) => r.outcome)).toEqual(['FUNCTION_ERROR', 'OK_SUCCESS', 'OK_SUCCESS']);
    expect(end(trace)).toMatchObject({ reason: 'drained' });
  });

  it('a factory whose cold start never settles is cut too', async () => {
    let created = 0;
    const factory: HandlerFactory = {
      createHandler: () => {
        created++;
        if (created === 1) return new Promise<StreamHandler>(() => {});
        return async () => undefined;
      },
    };
    const trace = await simulate(scenario({ operations: puts(1) }), factory, { realTimeGuardMs: 50 });
    expect(findings(trace)).toContainEqual({ kind: 'handler-hung', dispatch: 0 });
    expect(recycles(trace)).toContainEqual({ env: 0, reason: 'hung' });
    expect(resultOf(trace, 1)?.outcome).toBe('OK_SUCCESS');
    expect(end(trace)).toMatchObject({ reason: 'drained' });
  });

  describe('event mutation', () => {
    const mutate = (event: DynamoDBStreamEvent): void => {
      const first = event.Records[0]!;
      first.dynamodb!.NewImage!.v = { N: '999' };
      first.dynamodb!.SequenceNumber = '1';
      event.Records.splice(1, 1);
      event.Records.push({ eventID: 'bogus' });
    };
    const twoRecordScenario = scenario({ operations: puts(3, 0), mapping: { batchSize: 10 } });

    it('the retry gets the original records; the simulation is unaffected; a finding is recorded', async () => {
      const seen: string[] = [];
      const runWith = (mutating: boolean) => {
        let calls = 0;
        return simulate(twoRecordScenario, async (event) => {
          calls++;
          seen.push(JSON.stringify(event));
          if (calls === 1) {
            if (mutating) mutate(event);
            throw new Error('first attempt fails');
          }
        });
      };
      const mutated = await runWith(true);
      expect(seen).toHaveLength(2);
      const [original, retried] = seen.map((s) => JSON.parse(s) as DynamoDBStreamEvent);
      expect(original!.Records).toHaveLength(3);
      expect(retried).toEqual(original);
      expect(retried!.Records[0]!.dynamodb!.NewImage!.v).toEqual({ N: '0' });

      expect(ofType(mutated, 'finding')).toEqual([
        { type: 'finding', t: 0, kind: 'event-mutated', dispatch: 0, detail: 'the handler modified its event object' },
      ]);
      expect(resultOf(mutated, 0)).toMatchObject({ outcome: 'FUNCTION_ERROR', error: { errorType: 'Error', errorMessage: 'first attempt fails' } });

      seen.length = 0;
      const baseline = await runWith(false);
      expect(seen[1]).toBe(seen[0]);
      expect(findings(baseline)).toEqual([]);
      const withoutFindings = (trace: Trace) => JSON.stringify({ ...trace, events: trace.events.filter((e) => e.type !== 'finding') });
      expect(withoutFindings(mutated)).toBe(withoutFindings(baseline));
    });

    it('mutating and then succeeding is still a success, with a finding', async () => {
      const trace = await simulate(twoRecordScenario, async (event) => {
        mutate(event);
      });
      expect(resultOf(trace, 0)?.outcome).toBe('OK_SUCCESS');
      expect(findings(trace)).toEqual([{ kind: 'event-mutated', dispatch: 0 }]);
      expect(recycles(trace)).toEqual([]);
      expect(ofType(trace, 'checkpoint').at(-1)?.record).toBe(2);
    });

    it('the shared stream history stays intact across runs', async () => {
      const events: string[] = [];
      await simulate(twoRecordScenario, async (event) => {
        events.push(JSON.stringify(event));
        mutate(event);
      });
      await simulate(twoRecordScenario, async (event) => {
        events.push(JSON.stringify(event));
      });
      expect(events[1]).toBe(events[0]);
    });
  });

  describe('non-Error throws', () => {
    // How the finding words it: the runtime tells a synchronous throw from a rejected promise.
    const cases: { name: string; handler: StreamHandler; error: { errorType: string; errorMessage: string }; how?: string }[] = [
      {
        name: 'a string thrown synchronously',
        handler: () => {
          throw 'boom';
        },
        error: { errorType: 'string', errorMessage: 'boom' },
      },
      {
        name: 'a rejection with a plain object',
        handler: () => Promise.reject({ code: 42, why: 'nope' }),
        error: { errorType: 'object', errorMessage: '{"code":42,"why":"nope"}' },
        how: 'rejected with',
      },
      {
        name: 'an async throw of a number',
        handler: async () => {
          throw 7;
        },
        error: { errorType: 'number', errorMessage: '7' },
        how: 'rejected with',
      },
      {
        name: 'a rejection with null',
        handler: () => Promise.reject(null),
        error: { errorType: 'null', errorMessage: 'null' },
        how: 'rejected with',
      },
      {
        name: 'a rejection with undefined',
        handler: () => Promise.reject(undefined),
        error: { errorType: 'undefined', errorMessage: 'undefined' },
        how: 'rejected with',
      },
    ];

    for (const { name, handler, error, how = 'threw' } of cases) {
      it(`${name}: FUNCTION_ERROR, a non-error-thrown finding, no crash`, async () => {
        const trace = await simulate(scenario({ operations: puts(1), mapping: { maximumRetryAttempts: 1 } }), handler);
        const results = ofType(trace, 'result');
        expect(results).toHaveLength(2);
        for (const result of results) expect(result).toMatchObject({ outcome: 'FUNCTION_ERROR', error });
        expect(ofType(trace, 'finding').map((f) => [f.kind, f.dispatch, f.detail])).toEqual([
          ['non-error-thrown', 0, `${how} a ${error.errorType}: ${error.errorMessage}`],
          ['non-error-thrown', 1, `${how} a ${error.errorType}: ${error.errorMessage}`],
        ]);
        expect(ofType(trace, 'discard').map((d) => d.condition)).toEqual(['RetryAttemptsExhausted']);
        expect(end(trace)).toMatchObject({ reason: 'drained' });
      });
    }

    it('an Error subclass is not a finding and keeps its name as errorType', async () => {
      class ValidationError extends Error {
        override name = 'ValidationError';
      }
      const trace = await simulate(scenario({ operations: puts(1), mapping: { maximumRetryAttempts: 0 } }), () => {
        throw new ValidationError('bad');
      });
      expect(resultOf(trace, 0)).toMatchObject({ outcome: 'FUNCTION_ERROR', error: { errorType: 'ValidationError', errorMessage: 'bad' } });
      expect(findings(trace)).toEqual([]);
    });
  });

  describe('floating rejections', () => {
    it('one that surfaces while the handler runs fails that invocation and recycles its environment', async () => {
      let calls = 0;
      const trace = await simulate(scenario({ operations: puts(2) }), async () => {
        calls++;
        if (calls === 1) {
          void Promise.reject(new Error('x'));
          await nextMacrotask(); // Node reports the rejection before the handler returns
        }
      });
      expect(resultOf(trace, 0)).toMatchObject({
        outcome: 'FUNCTION_ERROR',
        error: { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: 'x' },
      });
      expect(ofType(trace, 'finding').map((f) => [f.kind, f.dispatch, f.detail])).toEqual([['floating-rejection', 0, 'Error: x']]);
      expect(recycles(trace)).toEqual([{ env: 0, reason: 'unhandled-rejection' }]);
      // Retried in a fresh environment, then everything drains.
      expect(ofType(trace, 'invoke').map((e) => [e.id, e.attempt, e.env])).toEqual([
        [0, 1, 0],
        [1, 2, 1],
        [2, 1, 1],
      ]);
      expect(end(trace)).toMatchObject({ reason: 'drained' });
    });

    it('Promise.reject(...) not awaited, then return: attributed to that invocation, environment recycled', async () => {
      // Node reports the rejection only after the microtask queue drains, i.e. after the handler's
      // promise settled. Lambda's Node runtime posts the response synchronously from that promise's
      // continuation (RAPIDClient.postInvocationResponse -> nativeClient.done), so the response
      // stands and the runtime then dies on the rejection: a success, a finding, a dead environment.
      let calls = 0;
      const trace = await simulate(scenario({ operations: puts(2) }), async () => {
        calls++;
        if (calls === 1) void Promise.reject(new Error('x'));
      });
      expect(ofType(trace, 'finding').map((f) => [f.kind, f.dispatch, f.detail])).toEqual([
        ['floating-rejection', 0, 'Error: x (after the handler settled)'],
      ]);
      expect(recycles(trace)).toEqual([{ env: 0, reason: 'unhandled-rejection' }]);
      expect(resultOf(trace, 0)?.outcome).toBe('OK_SUCCESS');
      // The next invocation needs a cold start.
      expect(ofType(trace, 'env-start').map((e) => [e.env, e.dispatch])).toEqual([
        [0, 0],
        [1, 1],
      ]);
      expect(end(trace)).toMatchObject({ reason: 'drained' });
    });

    it('one from a timer that fires after the handler returned is still recorded for its invocation', async () => {
      let calls = 0;
      const trace = await simulate(scenario({ operations: puts(3) }), async () => {
        calls++;
        if (calls === 1) setTimeout(() => void Promise.reject(new Error('late')), 5);
        if (calls === 2) await realDelay(40); // the run is still going when the timer fires
      });
      const late = ofType(trace, 'finding');
      expect(late).toHaveLength(1);
      expect(late[0]).toMatchObject({ kind: 'floating-rejection', dispatch: 0 });
      expect(late[0]!.detail).toMatch(/^Error: late \(/);
      // Invocation 0 had already returned its response: it still counts as a success.
      expect(resultOf(trace, 0)?.outcome).toBe('OK_SUCCESS');
      expect(ofType(trace, 'result').map((r) => r.outcome)).toEqual(['OK_SUCCESS', 'OK_SUCCESS', 'OK_SUCCESS']);
      expect(end(trace)).toMatchObject({ reason: 'drained' });
    });

    it('an exception thrown from a timer during the invocation is an uncaught-exception finding', async () => {
      let calls = 0;
      const trace = await simulate(scenario({ operations: puts(2) }), async () => {
        calls++;
        if (calls === 1) {
          setTimeout(() => {
            throw new Error('from a timer');
          }, 1);
          await realDelay(20);
        }
      });
      expect(findings(trace)).toEqual([{ kind: 'uncaught-exception', dispatch: 0 }]);
      expect(resultOf(trace, 0)).toMatchObject({ outcome: 'FUNCTION_ERROR', error: { errorType: 'Runtime.UncaughtException', errorMessage: 'from a timer' } });
      expect(recycles(trace)).toEqual([{ env: 0, reason: 'unhandled-rejection' }]);
      expect(end(trace)).toMatchObject({ reason: 'drained' });
    });

    it('two handlers running concurrently each get their own rejection attributed', async () => {
      const operations = Array.from({ length: 8 }, (_, i) => ({ type: 'put' as const, at: 0, item: { pk: `k${i}`, v: i } }));
      let active = 0;
      let maxActive = 0;
      const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
        const seq = event.Records[0]!.dynamodb!.SequenceNumber!;
        active++;
        maxActive = Math.max(maxActive, active);
        await realDelay(5);
        void Promise.reject(new Error(`from ${seq}`));
        await realDelay(10);
        active--;
      };
      const trace = await simulate({ table: { partitionKey: 'pk' }, operations, stream: { shardCount: 2 }, mapping: { maximumRetryAttempts: 0 } }, handler);
      expect(maxActive).toBe(2);
      const first = ofType(trace, 'invoke').filter((e) => e.t === 0 && e.attempt === 1);
      expect(new Set(first.map((e) => e.shard))).toEqual(new Set([0, 1]));
      for (const invoke of ofType(trace, 'invoke')) {
        const seq = trace.records[invoke.records[0]!]!.seq;
        const own = ofType(trace, 'finding').filter((f) => f.dispatch === invoke.id);
        expect(own.map((f) => [f.kind, f.detail])).toEqual([['floating-rejection', `Error: from ${seq}`]]);
        expect(resultOf(trace, invoke.id)).toMatchObject({
          outcome: 'FUNCTION_ERROR',
          error: { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: `from ${seq}` },
        });
      }
      expect(ofType(trace, 'finding')).toHaveLength(ofType(trace, 'invoke').length);
    });
  });

  it('a factory whose createHandler throws: FUNCTION_ERROR, init-failed, environment recycled', async () => {
    let created = 0;
    const factory: HandlerFactory = {
      createHandler: () => {
        created++;
        if (created === 1) throw new Error('cannot connect');
        return async () => undefined;
      },
    };
    const trace = await simulate(scenario({ operations: puts(1) }), factory);
    expect(resultOf(trace, 0)).toMatchObject({ outcome: 'FUNCTION_ERROR', error: { errorType: 'Error', errorMessage: 'cannot connect' } });
    expect(ofType(trace, 'finding').map((f) => [f.kind, f.dispatch, f.detail])).toEqual([['init-failed', 0, 'Error: cannot connect']]);
    expect(recycles(trace)).toEqual([{ env: 0, reason: 'init-failure' }]);
    expect(ofType(trace, 'env-start').map((e) => [e.env, e.dispatch])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(resultOf(trace, 1)?.outcome).toBe('OK_SUCCESS');
    expect(created).toBe(2);
    expect(end(trace)).toMatchObject({ reason: 'drained' });
  });

  it('a factory that throws a non-Error or returns a non-function also fails its cold start', async () => {
    const throwsString = await simulate(scenario({ operations: puts(1), mapping: { maximumRetryAttempts: 0 } }), {
      createHandler: () => {
        throw 'nope';
      },
    });
    expect(findings(throwsString).map((f) => f.kind)).toEqual(['init-failed', 'non-error-thrown']);
    expect(recycles(throwsString)).toEqual([{ env: 0, reason: 'init-failure' }]);

    const notAFunction = await simulate(scenario({ operations: puts(1), mapping: { maximumRetryAttempts: 0 } }), {
      createHandler: () => ({}) as unknown as StreamHandler,
    });
    expect(resultOf(notAFunction, 0)).toMatchObject({ outcome: 'FUNCTION_ERROR', error: { errorType: 'Runtime.HandlerNotFound' } });
    expect(recycles(notAFunction)).toEqual([{ env: 0, reason: 'init-failure' }]);
  });

  it('a response with a BigInt cannot be serialised: FUNCTION_ERROR and a finding', async () => {
    let calls = 0;
    const trace = await simulate(scenario({ operations: puts(1), mapping: { functionResponseTypes: ['ReportBatchItemFailures'] } }), async () => {
      calls++;
      if (calls === 1) return { batchItemFailures: [], count: 1n } as unknown as DynamoDBBatchResponse;
      return { batchItemFailures: [] };
    });
    const result = resultOf(trace, 0)!;
    expect(result.outcome).toBe('FUNCTION_ERROR');
    expect(result.error?.errorType).toBe('Runtime.MarshalError');
    expect(result.error?.errorMessage).toMatch(/BigInt/);
    expect(result).not.toHaveProperty('response');
    expect(findings(trace)).toEqual([{ kind: 'response-not-serializable', dispatch: 0 }]);
    expect(resultOf(trace, 1)?.outcome).toBe('OK_SUCCESS');
    expect(end(trace)).toMatchObject({ reason: 'drained' });
  });

  it('a circular response cannot be serialised either', async () => {
    const circular: Record<string, unknown> = { batchItemFailures: [] };
    circular.self = circular;
    const trace = await simulate(scenario({ operations: puts(1), mapping: { maximumRetryAttempts: 0 } }), async () => circular as unknown as DynamoDBBatchResponse);
    expect(resultOf(trace, 0)).toMatchObject({ outcome: 'FUNCTION_ERROR', error: { errorType: 'Runtime.MarshalError' } });
    expect(findings(trace)).toEqual([{ kind: 'response-not-serializable', dispatch: 0 }]);
  });
});
