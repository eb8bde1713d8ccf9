import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { attachFaults } from '../../src/faults/attachFaults.js';
import type { DependencyFault, InvocationFault } from '../../src/faults/faultSchedule.js';
import { wrapDeps } from '../../src/faults/wrapDeps.js';
import type { StreamHandler } from '../../src/mapping/handlerTypes.js';
import { simulate } from '../../src/mapping/simulate.js';
import type { ScenarioParameters } from '../../src/scenario/scenario.js';
import type { Trace } from '../../src/trace/trace.js';
import { dependencyRows } from '../support/dependencyFixtures.js';
import { FakeDocumentClient } from '../support/sdkV2Fake.js';

/*
 * DESIGN §5 (dependency faults) for AWS SDK v2 clients: an operation returns an unsent
 * `AWS.Request`; the real SDK reports every failure as a rejected `.promise()` or an error passed
 * to the callback, never as a synchronous throw, so injected faults must do the same. Also AWS
 * SDK v3 `send(command, callback)`.
 */

const TABLE = { partitionKey: 'pk' } as const;
const pkOf = (record: DynamoDBRecord): string => record.dynamodb!.Keys!['pk']!.S!;
const results = (trace: Trace) => trace.events.flatMap((e) => (e.type === 'result' ? [[e.outcome, e.error?.errorType]] : []));
const findings = (trace: Trace) => trace.events.flatMap((e) => (e.type === 'finding' ? [e.kind] : []));

function scenario(keys: readonly string[], dependencies: DependencyFault[] = [], invocations: InvocationFault[] = []): ScenarioParameters {
  return { table: TABLE, operations: keys.map((pk) => ({ type: 'put' as const, at: 0, item: { pk } })), faults: { dependencies, invocations } };
}

type Ddb = FakeDocumentClient;

/** Simulates with the client behind the `wrapDeps` proxy (`proxy`) or patched in place (`attach`). */
async function run(keys: readonly string[], faults: DependencyFault[], handlerOf: (ddb: Ddb) => StreamHandler, via: 'proxy' | 'attach' = 'proxy', invocations: InvocationFault[] = []) {
  const real = new FakeDocumentClient();
  if (via === 'proxy') return { real, trace: await simulate(scenario(keys, faults, invocations), handlerOf(wrapDeps({ ddb: real }).ddb)) };
  const detach = attachFaults({ ddb: real });
  try {
    return { real, trace: await simulate(scenario(keys, faults, invocations), handlerOf(real)) };
  } finally {
    detach();
  }
}

/** Writes each record with `.promise()`, noting how each write ended; a synchronous throw would fail the invocation. */
function promiseHandler(ddb: Ddb, out: string[]): StreamHandler {
  return async (event) => {
    for (const record of event.Records) {
      const request = ddb.put({ TableName: 't', Item: { pk: pkOf(record) } });
      out.push(await request.promise().then(
        () => 'ok',
        (error: { code?: string; retryable?: boolean }) => `${error.code} retryable=${error.retryable}`,
      ));
    }
  };
}

describe('AWS SDK v2 clients: faults surface as the SDK reports failures', () => {
  it('outside a simulation the proxy is transparent: requests, callbacks and helpers behave as the client', async () => {
    const real = new FakeDocumentClient();
    const ddb = wrapDeps({ ddb: real }).ddb;
    await expect(ddb.put({ TableName: 't', Item: { pk: 'a' } }).promise()).resolves.toEqual({});
    const got = await new Promise((resolve) => ddb.get({ TableName: 't', Key: { pk: 'a' } }, (_error, data) => resolve(data)));
    expect(got).toEqual({ Item: { pk: 'a' } });
    expect(ddb.createSet(['x'])).toEqual({ values: ['x'], wrapperName: 'Set' });
    expect(real.log).toEqual(['put a', 'get a']);
  });

  for (const via of ['proxy', 'attach'] as const) {
    it(`reject (${via}): .promise() rejects with a v2-shaped error, nothing is applied, the request is never thrown synchronously`, async () => {
      const out: string[] = [];
      const { real, trace } = await run(['a', 'b'], [{ kind: 'reject', match: { nth: 1 }, times: 1 }], (ddb) => promiseHandler(ddb, out), via);
      expect(out).toEqual(['ProvisionedThroughputExceededException retryable=true', 'ok']);
      expect(real.log).toEqual(['put b']);
      expect(results(trace)).toEqual([['OK_SUCCESS', undefined]]);
      // One dependency call per operation: the client's own makeServiceRequest is not another one.
      expect(dependencyRows(trace)).toEqual(['0/0/1 ddb.put rejected', '0/1/2 ddb.put called']);
    });
  }

  it('applyThenReject: the request IS applied, then .promise() rejects with TimeoutError', async () => {
    const out: string[] = [];
    const { real, trace } = await run(['a'], [{ kind: 'applyThenReject', match: {} }], (ddb) => promiseHandler(ddb, out));
    expect(out).toEqual(['TimeoutError retryable=true']);
    expect(real.log).toEqual(['put a']);
    expect(dependencyRows(trace)).toEqual(['0/0/1 ddb.put applied-then-rejected']);
  });

  it('a Node-style callback gets the error (and an error it passes on is a function error, retried)', async () => {
    const seen: string[] = [];
    const handler = (ddb: Ddb): StreamHandler => (event, _context, callback) => {
      ddb.put({ TableName: 't', Item: { pk: pkOf(event.Records[0]!) } }, (error) => {
        seen.push(error === null ? 'ok' : (error as { code: string }).code);
        callback(error as Error | null);
      });
    };
    const { real, trace } = await run(['a'], [{ kind: 'reject', match: {}, times: 1, error: 'internal' }], handler);
    expect(seen).toEqual(['InternalServerError', 'ok']);
    expect(results(trace)).toEqual([
      ['FUNCTION_ERROR', 'InternalServerError'],
      ['OK_SUCCESS', undefined],
    ]);
    expect(findings(trace)).toEqual([]);
    expect(real.log).toEqual(['put a']);
  });

  it('a chained request (.on(...).promise()) is still decided', async () => {
    const { real, trace } = await run(['a'], [{ kind: 'reject', match: {}, times: 1 }], (ddb) => async (event) => {
      await ddb
        .put({ TableName: 't', Item: { pk: pkOf(event.Records[0]!) } })
        .on('retry', () => undefined)
        .promise();
    });
    expect(results(trace)).toEqual([
      ['FUNCTION_ERROR', 'ProvisionedThroughputExceededException'],
      ['OK_SUCCESS', undefined],
    ]);
    expect(real.log).toEqual(['put a']);
  });

  it('defer: concurrent requests are held back and released in the order the interleaving picks', async () => {
    const order = async (interleaving: number[]) => {
      const real = new FakeDocumentClient();
      const ddb = wrapDeps({ ddb: real }).ddb;
      const s = { ...scenario(['a', 'b'], [{ kind: 'defer', match: {} }]), interleaving };
      const trace = await simulate(s, async (event) => {
        await Promise.all(event.Records.map((r) => ddb.put({ TableName: 't', Item: { pk: pkOf(r) } }).promise()));
      });
      expect(results(trace)).toEqual([['OK_SUCCESS', undefined]]);
      return real.log;
    };
    expect(await order([])).toEqual(['put a', 'put b']);
    expect(await order([1])).toEqual(['put b', 'put a']); // the one choice: which parked call runs first
  });

  it('crash after k calls: the k-th request goes out as the runtime dies; nothing after it runs', async () => {
    const out: string[] = [];
    const { real, trace } = await run(['a', 'b'], [], (ddb) => promiseHandler(ddb, out), 'proxy', [{ kind: 'crash', afterCalls: 1, match: { dispatch: 0 } }]);
    expect(results(trace)[0]).toEqual(['FUNCTION_ERROR', 'Runtime.ExitError']);
    expect(real.log.slice(0, 1)).toEqual(['put a']);
    expect(dependencyRows(trace).slice(0, 1)).toEqual(['0/0/1 ddb.put crashed']);
  });

  it('helpers that build no request (createSet) are not dependency calls and are never faulted', async () => {
    const { trace } = await run(['a'], [{ kind: 'reject', match: {} }], (ddb) => async () => {
      ddb.createSet(['x']);
    }, 'attach');
    expect(dependencyRows(trace)).toEqual([]);
    expect(results(trace)).toEqual([['OK_SUCCESS', undefined]]);
  });
});

describe('AWS SDK v3 send(command, callback)', () => {
  /** A v3-shaped client: middleware stack, config, and `send` that also takes a callback. */
  function v3Client(log: string[]) {
    class PutCommand {
      constructor(readonly input: { pk: string }) {}
    }
    const client = {
      middlewareStack: {},
      config: {},
      send(command: PutCommand, callback?: (error: unknown, data?: unknown) => void): Promise<unknown> | void {
        const done = Promise.resolve().then(() => {
          log.push(`put ${command.input.pk}`);
          return {};
        });
        if (callback === undefined) return done;
        done.then((data) => callback(null, data), callback);
      },
    };
    return { client, PutCommand };
  }

  it('an injected rejection reaches the callback as an SDK-shaped error, never as a floating rejection', async () => {
    const log: string[] = [];
    const { client, PutCommand } = v3Client(log);
    const ddb = wrapDeps({ ddb: client }).ddb;
    const seen: string[] = [];
    const handler: StreamHandler = (event, _context, callback) => {
      ddb.send(new PutCommand({ pk: pkOf(event.Records[0]!) }), (error) => {
        seen.push(error === null ? 'ok' : (error as { name: string }).name);
        callback(null);
      });
    };
    await simulate(scenario(['a']), handler);
    const faulted = await simulate(scenario(['b'], [{ kind: 'reject', match: {} }]), handler);
    expect(seen).toEqual(['ok', 'ProvisionedThroughputExceededException']);
    expect(log).toEqual(['put a']);
    expect(findings(faulted)).toEqual([]);
    expect(dependencyRows(faulted)).toEqual(['0/0/1 ddb.send(PutCommand) rejected']);
  });
});
