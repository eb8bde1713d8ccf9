import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { checkFloatingRejection, checkHandlerHang, checkHandlerInit, checkNonErrorThrow, checkUnserializableResponse, type Anomaly } from '../../src/check/index.js';
import type { HandlerTarget, StreamHandler } from '../../src/mapping/handlerTypes.js';
import { simulate } from '../../src/mapping/simulate.js';
import { buildModel } from '../../src/model/index.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import type { Model } from '../../src/model/index.js';
import type { Trace } from '../../src/trace/trace.js';
import { corpus, indexOf, puts, TABLE } from './support.js';

/*
 * The harness checks that replaced 'handler-behaviour', one finding kind each (DESIGN §4: user
 * code is called defensively and its misbehaviour becomes data). Each fires on a handler that
 * misbehaves in its way, and only that check fires; all stay silent on correct handlers.
 */

type Checker = (trace: Trace, model: Model) => Anomaly[];
const CHECKS: Readonly<Record<string, Checker>> = {
  'handler-hang': checkHandlerHang,
  'handler-init': checkHandlerInit,
  'non-error-throw': checkNonErrorThrow,
  'floating-rejection': checkFloatingRejection,
  'unserializable-response': checkUnserializableResponse,
};

async function run(target: HandlerTarget) {
  const scenario = resolveScenario({ table: TABLE, operations: puts(2, (i) => i * 1000) });
  const trace = await simulate(scenario, target, { realTimeGuardMs: 40 });
  return { trace, model: buildModel(scenario) };
}

/** A handler that misbehaves on its first invocation only, so the run otherwise drains. */
function once(misbehave: StreamHandler): StreamHandler {
  let calls = 0;
  return (event, context, callback) => (calls++ === 0 ? misbehave(event, context, callback) : Promise.resolve(undefined));
}

/** Which checks fire on the trace, with each one's anomalies. */
function fired(trace: Trace, model: Model): Record<string, Anomaly[]> {
  const out: Record<string, Anomaly[]> = {};
  for (const [name, checker] of Object.entries(CHECKS)) {
    const anomalies = checker(trace, model);
    if (anomalies.length > 0) out[name] = anomalies;
  }
  return out;
}

describe('handler checks, one per finding kind', () => {
  it('all stay silent on every correct trace of the corpus', async () => {
    for (const r of await corpus()) expect(fired(r.trace, r.model), r.name).toEqual({});
  });

  it('handler-hang: a handler that never settles, cut by the real-time guard', async () => {
    const { trace, model } = await run(once(() => new Promise<void>(() => {})));
    const anomalies = fired(trace, model);
    expect(Object.keys(anomalies)).toEqual(['handler-hang']);
    expect(anomalies['handler-hang']).toEqual([
      expect.objectContaining({ invariant: 'handler-hang', kind: 'harness', shard: 0, events: [indexOf(trace.events, 'invoke'), indexOf(trace.events, 'finding')] }),
    ]);
    expect(anomalies['handler-hang']![0]!.summary).toBe('handler-hung in invocation 0: the handler did not settle within the real-time guard');
  });

  it('handler-init: a cold start that throws', async () => {
    let created = 0;
    const { trace, model } = await run({
      createHandler: () => {
        if (created++ === 0) throw new Error('no config');
        return async () => undefined;
      },
    });
    expect(Object.keys(fired(trace, model))).toEqual(['handler-init']);
    expect(checkHandlerInit(trace, model)[0]!.summary).toBe('init-failed in invocation 0: Error: no config');
  });

  it('non-error-throw: a thrown string, and a string passed to the callback', async () => {
    const thrown = await run(once(async () => {
      throw 'a string';
    }));
    expect(Object.keys(fired(thrown.trace, thrown.model))).toEqual(['non-error-throw']);
    expect(checkNonErrorThrow(thrown.trace, thrown.model)[0]!.summary).toBe('non-error-thrown in invocation 0: rejected with a string: a string');
    const calledBack = await run(once((_event: DynamoDBStreamEvent, _context, callback) => callback('a string')));
    expect(Object.keys(fired(calledBack.trace, calledBack.model))).toEqual(['non-error-throw']);
    expect(checkNonErrorThrow(calledBack.trace, calledBack.model)[0]!.summary).toBe('non-error-thrown in invocation 0: passed to its callback a string: a string');
  });

  it('floating-rejection: a floating promise that rejects, and an exception thrown from a timer callback', async () => {
    const floating = await run(once(async () => {
      void Promise.reject(new Error('left floating'));
    }));
    expect(Object.keys(fired(floating.trace, floating.model))).toEqual(['floating-rejection']);
    const uncaught = await run(once(async () => {
      setImmediate(() => {
        throw new Error('from a timer');
      });
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    }));
    expect(checkFloatingRejection(uncaught.trace, uncaught.model).map((a) => a.summary)).toEqual(['uncaught-exception in invocation 0: Error: from a timer']);
  });

  it('unserializable-response: a response JSON cannot serialise', async () => {
    const { trace, model } = await run(once(async () => ({ batchItemFailures: [], size: 1n }) as never));
    expect(Object.keys(fired(trace, model))).toEqual(['unserializable-response']);
    expect(checkUnserializableResponse(trace, model)[0]!.summary).toMatch(/^response-not-serializable in invocation 0: the response cannot be serialised to JSON: /);
  });
});
