import { DynamoDBClient, InternalServerError, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DependencyFault, InvocationFault } from '../../src/faults/faultSchedule.js';
import { wrapDeps } from '../../src/faults/wrapDeps.js';
import type { StreamHandler } from '../../src/mapping/handlerTypes.js';
import { simulate } from '../../src/mapping/simulate.js';
import type { ScenarioParameters } from '../../src/scenario/scenario.js';
import { serializeTrace } from '../../src/trace/serializeTrace.js';
import type { Trace } from '../../src/trace/trace.js';
import { eventsOf, invocations, keyPerShard } from '../mapping/rules/helpers.js';
import { dependencyEvents, dependencyRows, loggingStore } from '../support/dependencyFixtures.js';

/*
 * DESIGN §5 (dependency faults) and issue 3: `wrapDeps` is a proxy over the handler's downstream.
 * Outside a simulated invocation it must be indistinguishable from the real object; inside one,
 * every call is decided by the running simulation (call, reject before applying, apply then
 * reject, defer, crash) and recorded in the trace with the dispatch it belongs to.
 */

// ---------------------------------------------------------------------------------------------
// Fixtures

const makeStore = loggingStore;
type Store = ReturnType<typeof makeStore>;

const pkOf = (record: DynamoDBRecord): string => record.dynamodb!.Keys!['pk']!.S!;

const TABLE = { partitionKey: 'pk' } as const;

function scenario(keys: readonly string[], faults: { dependencies?: DependencyFault[]; invocations?: InvocationFault[] } = {}, extra: Partial<ScenarioParameters> = {}): ScenarioParameters {
  return {
    table: TABLE,
    operations: keys.map((pk) => ({ type: 'put' as const, at: 0, item: { pk } })),
    faults: { dependencies: faults.dependencies ?? [], invocations: faults.invocations ?? [] },
    ...extra,
  };
}

const rows = dependencyRows;

/** Runs `fn`, returning `ok <value>` or `<error name>: <message>`; never throws. */
async function outcome(fn: () => unknown): Promise<string> {
  try {
    const value = await fn();
    return `ok ${String(value)}`;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : `non-error ${String(error)}`;
  }
}

// ---------------------------------------------------------------------------------------------

describe('wrapDeps outside a simulated invocation (transparent)', () => {
  it('passes calls and arguments through and returns what the real member returns', async () => {
    const store = makeStore();
    const deps = wrapDeps({ store });
    const put = deps.store.put('a');
    expect(put).toBeInstanceOf(Promise);
    await expect(put).resolves.toBeUndefined();
    await expect(deps.store.get('b')).resolves.toBe('value of b');
    expect(store.log).toEqual(['put a', 'get b']);
  });

  it('returns synchronous values of non-async members synchronously (not as promises)', () => {
    const store = makeStore();
    const deps = wrapDeps({ store });
    store.log.push('x', 'y');
    const n = deps.store.count();
    expect(n).toBe(2);
    expect(typeof n).toBe('number');
  });

  it('passes through what a sync member throws, synchronously', () => {
    const deps = wrapDeps({
      store: {
        fail(): never {
          throw new RangeError('real failure');
        },
      },
    });
    expect(() => deps.store.fail()).toThrow(new RangeError('real failure'));
  });

  it('reads getters, data properties and missing properties as the real object does', () => {
    class Sized {
      items: string[] = ['a', 'b', 'c'];
      label = 'orders';
      get size(): number {
        return this.items.length;
      }
    }
    const real = new Sized();
    const deps = wrapDeps({ sized: real, n: 7, s: 'text', nothing: null as null });
    expect(deps.sized.size).toBe(3);
    expect(deps.sized.label).toBe('orders');
    expect(deps.n).toBe(7);
    expect(deps.s).toBe('text');
    expect(deps.nothing).toBeNull();
    expect((deps.sized as unknown as Record<string, unknown>)['missing']).toBeUndefined();
    expect('size' in deps.sized).toBe(true);
    expect(Object.keys(deps.sized)).toEqual(['items', 'label']);
    expect(deps.sized).toBeInstanceOf(Sized);
  });

  it('writes data properties through to the real object, and sees writes made on the real object', () => {
    const real = { label: 'a', nested: { depth: 1 } };
    const deps = wrapDeps({ real });
    deps.real.label = 'b';
    expect(real.label).toBe('b');
    real.label = 'c';
    expect(deps.real.label).toBe('c');
    deps.real.nested.depth = 2;
    expect(real.nested.depth).toBe(2);
    const replacement = { depth: 9 };
    deps.real.nested = replacement;
    expect(real.nested).toBe(replacement);
    expect(deps.real.nested.depth).toBe(9);
  });

  it('calls a function member that was replaced after the proxy first read it (through the proxy or on the real object)', () => {
    const calls: string[] = [];
    const real = {
      put(key: string): void {
        calls.push(`original ${key}`);
      },
    };
    const deps = wrapDeps({ real });
    deps.real.put('1');
    deps.real.put = (key: string) => void calls.push(`set through proxy ${key}`);
    deps.real.put('2');
    real.put = (key: string) => void calls.push(`set on real ${key}`);
    deps.real.put('3');
    expect(calls).toEqual(['original 1', 'set through proxy 2', 'set on real 3']);
  });

  it('preserves `this`: a class with #private fields works through the proxy (methods, getters, async methods)', async () => {
    class Counter {
      #n = 0;
      inc(): number {
        return ++this.#n;
      }
      async incLater(): Promise<number> {
        await Promise.resolve();
        return ++this.#n;
      }
      get value(): number {
        return this.#n;
      }
      self(): Counter {
        return this;
      }
    }
    const real = new Counter();
    const deps = wrapDeps({ counter: real });
    expect(deps.counter.inc()).toBe(1);
    expect(deps.counter.inc()).toBe(2);
    await expect(deps.counter.incLater()).resolves.toBe(3);
    expect(deps.counter.value).toBe(3);
    expect(real.value).toBe(3);
    expect(deps.counter.self()).toBe(real);
  });

  it('wraps nested objects, returning the same proxy (and the same member function) each time', () => {
    const log: string[] = [];
    const real = { db: { tables: { orders: { put: (k: string) => void log.push(k) } } } };
    const deps = wrapDeps(real);
    deps.db.tables.orders.put('x');
    expect(log).toEqual(['x']);
    expect(deps.db).toBe(deps.db);
    expect(deps.db.tables.orders).toBe(deps.db.tables.orders);
    expect(deps.db.tables.orders.put).toBe(deps.db.tables.orders.put);
    // a proxy, not the real object (otherwise nothing could be intercepted)
    expect(deps.db.tables.orders).not.toBe(real.db.tables.orders);
  });

  it('works with Map members: get/set/has/delete, size, and symbol-keyed iteration', () => {
    const real = new Map<string, number>([['a', 1]]);
    const deps = wrapDeps({ cache: real });
    expect(deps.cache.get('a')).toBe(1);
    deps.cache.set('b', 2);
    expect(real.get('b')).toBe(2);
    expect(deps.cache.has('b')).toBe(true);
    expect(deps.cache.size).toBe(2);
    expect([...deps.cache]).toEqual([['a', 1], ['b', 2]]);
    expect([...deps.cache.keys()]).toEqual(['a', 'b']);
    const seen: string[] = [];
    for (const [k, v] of deps.cache) seen.push(`${k}=${v}`);
    deps.cache.forEach((v, k) => seen.push(`${k}:${v}`));
    expect(seen).toEqual(['a=1', 'b=2', 'a:1', 'b:2']);
    expect(deps.cache.delete('a')).toBe(true);
    expect(real.has('a')).toBe(false);
    expect(Object.prototype.toString.call(deps.cache)).toBe('[object Map]');
  });

  it('also works with a Set and with symbol-keyed methods of plain objects', () => {
    const tag = Symbol('tag');
    const real = {
      set: new Set(['x', 'y']),
      [tag](): string {
        return 'tagged';
      },
    };
    const deps = wrapDeps(real);
    expect([...deps.set]).toEqual(['x', 'y']);
    expect(deps.set.size).toBe(2);
    expect(deps[tag]()).toBe('tagged');
  });

  it('leaves data values (dates, buffers, promises, errors) unwrapped and usable', async () => {
    const created = new Date(Date.UTC(2024, 0, 2));
    const real = { created, buf: Buffer.from('hi'), ready: Promise.resolve(5), err: new Error('stored') };
    const deps = wrapDeps({ cfg: real });
    expect(deps.cfg.created).toBe(created);
    expect(deps.cfg.created.getTime()).toBe(created.getTime());
    expect(deps.cfg.buf.toString('utf8')).toBe('hi');
    await expect(deps.cfg.ready).resolves.toBe(5);
    expect(deps.cfg.err).toBe(real.err);
  });

  it('works over a frozen deps object', () => {
    const store = makeStore();
    const deps = wrapDeps(Object.freeze({ store: Object.freeze(store), limit: 3 }));
    expect(deps.limit).toBe(3);
    expect(deps.store.count()).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('wrapDeps inside simulate, with a plain object store', () => {
  /** One record per key; the handler runs `body` once per record, collecting outcomes. */
  async function run(
    keys: readonly string[],
    faults: { dependencies?: DependencyFault[]; invocations?: InvocationFault[] },
    body: (deps: { store: Store }, pk: string, out: string[]) => Promise<void> | void,
    extra: Partial<ScenarioParameters> = {},
  ): Promise<{ trace: Trace; store: Store; out: string[] }> {
    const store = makeStore();
    const deps = wrapDeps({ store });
    const out: string[] = [];
    const handler: StreamHandler = async (event) => {
      for (const record of event.Records) await body(deps, pkOf(record), out);
    };
    const trace = await simulate(scenario(keys, faults, extra), handler);
    return { trace, store, out };
  }

  it('without faults every call is `called`, traced with dispatch, run-wide call number, nth and path', async () => {
    const { trace, store, out } = await run(['a', 'b'], {}, async (deps, pk, o) => {
      o.push(await outcome(() => deps.store.put(pk)));
      o.push(await outcome(() => deps.store.get(pk)));
      o.push(await outcome(() => deps.store.count()));
    });
    expect(out).toEqual(['ok undefined', 'ok value of a', 'ok 2', 'ok undefined', 'ok value of b', 'ok 4']);
    expect(store.log).toEqual(['put a', 'get a', 'put b', 'get b']);
    expect(rows(trace)).toEqual([
      '0/0/1 store.put called',
      '0/1/2 store.get called',
      '0/2/3 store.count called',
      '0/3/4 store.put called',
      '0/4/5 store.get called',
      '0/5/6 store.count called',
    ]);
    expect(dependencyEvents(trace).every((e) => e.t === 0)).toBe(true);
    // the invocation they belong to is the one traced as dispatch 0, and it succeeded
    expect(invocations(trace).map((i) => [i.id, i.outcome])).toEqual([[0, 'OK_SUCCESS']]);
  });

  it('names paths after the access path, with the `name` prefix, through nested objects and Map members', async () => {
    const log: string[] = [];
    const real = { db: { orders: { put: async (k: string) => void log.push(k) } }, cache: new Map<string, number>() };
    const deps = wrapDeps(real, { name: 'deps' });
    const trace = await simulate(scenario(['a']), async (event) => {
      await deps.db.orders.put(pkOf(event.Records[0]!));
      deps.cache.set('a', 1);
      deps.cache.get('a');
    });
    expect(log).toEqual(['a']);
    expect(real.cache.get('a')).toBe(1);
    expect(rows(trace)).toEqual(['0/0/1 deps.db.orders.put called', '0/1/2 deps.cache.set called', '0/2/3 deps.cache.get called']);
  });

  it('reject: the real member is not called; the caller gets an Error named ThrottlingError by default', async () => {
    let caught: unknown;
    const { trace, store } = await run(['a'], { dependencies: [{ kind: 'reject', match: { path: 'store.put' } }] }, async (deps, pk) => {
      try {
        await deps.store.put(pk);
      } catch (error) {
        caught = error;
      }
    });
    expect(store.log).toEqual([]);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe('ThrottlingError');
    expect((caught as Error).message).toBe('shardcheck injected a throttle failure into store.put');
    expect(rows(trace)).toEqual(['0/0/1 store.put rejected']);
  });

  it('reject on an async member returns a rejected promise (no synchronous throw)', async () => {
    let syncThrow = false;
    let rejection = '';
    const { store } = await run(['a'], { dependencies: [{ kind: 'reject', match: {} }] }, async (deps, pk) => {
      let pending: Promise<void>;
      try {
        pending = deps.store.put(pk);
      } catch {
        syncThrow = true;
        return;
      }
      rejection = await outcome(() => pending);
    });
    expect(syncThrow).toBe(false);
    expect(rejection).toBe('ThrottlingError: shardcheck injected a throttle failure into store.put');
    expect(store.log).toEqual([]);
  });

  it('applyThenReject: the call IS applied, then the caller gets TimeoutError by default', async () => {
    const { trace, store, out } = await run(['a'], { dependencies: [{ kind: 'applyThenReject', match: {} }] }, async (deps, pk, o) => {
      o.push(await outcome(() => deps.store.put(pk)));
    });
    expect(store.log).toEqual(['put a']);
    expect(out).toEqual(['TimeoutError: shardcheck injected a timeout failure into store.put']);
    expect(rows(trace)).toEqual(['0/0/1 store.put applied-then-rejected']);
  });

  it('applyThenReject on a sync member applies it, then throws synchronously', async () => {
    const seen: string[] = [];
    const { trace } = await run(['a'], { dependencies: [{ kind: 'applyThenReject', match: { path: 'store.count' } }] }, (deps) => {
      try {
        deps.store.count();
        seen.push('returned');
      } catch (error) {
        seen.push(`threw ${(error as Error).name}`);
      }
    });
    expect(seen).toEqual(['threw TimeoutError']);
    expect(rows(trace)).toEqual(['0/0/1 store.count applied-then-rejected']);
  });

  it.each([
    ['reject', 'throttle', 'ThrottlingError'],
    ['reject', 'timeout', 'TimeoutError'],
    ['reject', 'internal', 'InternalError'],
    ['applyThenReject', 'throttle', 'ThrottlingError'],
    ['applyThenReject', 'timeout', 'TimeoutError'],
    ['applyThenReject', 'internal', 'InternalError'],
  ] as const)('%s with error %s raises %s', async (kind, error, name) => {
    const { store, out } = await run(['a'], { dependencies: [{ kind, match: {}, error }] }, async (deps, pk, o) => {
      o.push(await outcome(() => deps.store.put(pk)));
    });
    expect(out).toEqual([`${name}: shardcheck injected a ${error} failure into store.put`]);
    expect(store.log).toEqual(kind === 'reject' ? [] : ['put a']);
  });

  it('`times` bounds how many calls a fault hits', async () => {
    const { trace, store, out } = await run(['a', 'b', 'c', 'd'], { dependencies: [{ kind: 'reject', match: { path: 'store.put' }, times: 2 }] }, async (deps, pk, o) => {
      o.push(await outcome(() => deps.store.put(pk)));
    });
    expect(out.map((o) => o.split(':')[0])).toEqual(['ThrottlingError', 'ThrottlingError', 'ok undefined', 'ok undefined']);
    expect(store.log).toEqual(['put c', 'put d']);
    expect(rows(trace).map((r) => r.split(' ')[2])).toEqual(['rejected', 'rejected', 'called', 'called']);
  });

  describe('matching', () => {
    // Two records far apart in time ⇒ two dispatches on one shard; the handler calls put then get
    // for each, so dispatch 0 makes calls 0,1 (nth 1,2) and dispatch 1 makes calls 2,3 (nth 1,2).
    const twoDispatches = (dependencies: DependencyFault[]) =>
      run([], { dependencies }, async (deps, pk) => {
        await outcome(() => deps.store.put(pk));
        await outcome(() => deps.store.get(pk));
      }, { operations: [{ type: 'put', at: 0, item: { pk: 'a' } }, { type: 'put', at: 60_000, item: { pk: 'b' } }] });

    it('the baseline has two dispatches of two calls each', async () => {
      const { trace } = await twoDispatches([]);
      expect(rows(trace)).toEqual(['0/0/1 store.put called', '0/1/2 store.get called', '1/2/1 store.put called', '1/3/2 store.get called']);
      // each call is traced at the virtual time of the invocation that made it
      const startOf = new Map(invocations(trace).map((i) => [i.id, i.t]));
      expect(dependencyEvents(trace).map((e) => e.t)).toEqual([0, 0, startOf.get(1), startOf.get(1)]);
      expect(startOf.get(1)).toBeGreaterThanOrEqual(60_000);
    });

    it.each([
      ['call (numbered across the run)', { call: 2 }, ['called', 'called', 'rejected', 'called']],
      ['dispatch', { dispatch: 1 }, ['called', 'called', 'rejected', 'rejected']],
      ['nth (within a dispatch)', { nth: 2 }, ['called', 'rejected', 'called', 'rejected']],
      ['path (exact)', { path: 'store.get' }, ['called', 'rejected', 'called', 'rejected']],
      ['path (prefix: `store` matches `store.put`)', { path: 'store' }, ['rejected', 'rejected', 'rejected', 'rejected']],
      ['fields AND-ed', { dispatch: 1, path: 'store.put' }, ['called', 'called', 'rejected', 'called']],
      ['fields AND-ed, nothing matches', { dispatch: 0, call: 3 }, ['called', 'called', 'called', 'called']],
    ] as const)('by %s', async (_name, match, actions) => {
      const { trace, store } = await twoDispatches([{ kind: 'reject', match }]);
      expect(rows(trace).map((r) => r.split(' ')[2])).toEqual(actions);
      const expectedLog = ['put a', 'get a', 'put b', 'get b'].filter((_, i) => actions[i] === 'called');
      expect(store.log).toEqual(expectedLog);
    });

    it('a path prefix is a whole segment: `store` does not match `storeX.put`, `store.put` not `store.putMany`', async () => {
      const log: string[] = [];
      const deps = wrapDeps({
        store: { put: async () => void log.push('store.put'), putMany: async () => void log.push('store.putMany') },
        storeX: { put: async () => void log.push('storeX.put') },
      });
      const trace = await simulate(scenario(['a'], { dependencies: [{ kind: 'reject', match: { path: 'store.put' } }, { kind: 'applyThenReject', match: { path: 'store' } }] }), async () => {
        for (const call of [() => deps.store.put(), () => deps.store.putMany(), () => deps.storeX.put()]) await outcome(call);
      });
      expect(rows(trace)).toEqual(['0/0/1 store.put rejected', '0/1/2 store.putMany applied-then-rejected', '0/2/3 storeX.put called']);
      expect(log).toEqual(['store.putMany', 'storeX.put']);
    });
  });

  it('defer on a single async call: deferred, released, then applied', async () => {
    const { trace, store, out } = await run(['a'], { dependencies: [{ kind: 'defer', match: {} }] }, async (deps, pk, o) => {
      o.push(await outcome(() => deps.store.get(pk)));
    });
    expect(out).toEqual(['ok value of a']);
    expect(store.log).toEqual(['get a']);
    expect(rows(trace)).toEqual(['0/0/1 store.get deferred', '0/0/1 store.get released']);
  });

  it('a sync member is never deferred: defer degrades to `called` and the value comes back synchronously', async () => {
    const values: unknown[] = [];
    const { trace } = await run(['a'], { dependencies: [{ kind: 'defer', match: {} }] }, (deps) => {
      values.push(deps.store.count());
    });
    expect(values).toEqual([0]);
    expect(rows(trace)).toEqual(['0/0/1 store.count called']);
  });

  it('a sync `reject` throws synchronously and does not call the member', async () => {
    let calledReal = 0;
    const seen: string[] = [];
    const deps = wrapDeps({
      store: {
        count(): number {
          calledReal++;
          return 42;
        },
      },
    });
    const trace = await simulate(scenario(['a'], { dependencies: [{ kind: 'reject', match: {}, error: 'internal' }] }), async () => {
      let returned: unknown = 'nothing';
      try {
        returned = deps.store.count();
      } catch (error) {
        seen.push(`threw ${(error as Error).name}`);
      }
      seen.push(`returned ${String(returned)}`);
    });
    expect(seen).toEqual(['threw InternalError', 'returned nothing']);
    expect(calledReal).toBe(0);
    expect(rows(trace)).toEqual(['0/0/1 store.count rejected']);
  });

  it('an injected rejection the handler does not catch fails the invocation with that error', async () => {
    const { trace } = await run(['a'], { dependencies: [{ kind: 'reject', match: {}, times: 1 }] }, async (deps, pk) => {
      await deps.store.put(pk);
    });
    const [first, retry] = eventsOf(trace, 'result');
    expect(first).toMatchObject({ id: 0, outcome: 'FUNCTION_ERROR', error: { errorType: 'ThrottlingError', errorMessage: 'shardcheck injected a throttle failure into store.put' } });
    expect(retry).toMatchObject({ id: 1, outcome: 'OK_SUCCESS' });
    expect(rows(trace)).toEqual(['0/0/1 store.put rejected', '1/1/1 store.put called']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('wrapDeps: reordering two concurrent calls (deferred, released by the interleaving)', () => {
  let keys: string[];
  beforeAll(async () => {
    keys = await keyPerShard(2);
  });

  async function race(interleaving: number[]): Promise<{ trace: Trace; log: string[] }> {
    const store = makeStore();
    const deps = wrapDeps({ store });
    const trace = await simulate(
      scenario(keys, { dependencies: [{ kind: 'defer', match: {} }] }, { stream: { shardCount: 2 }, interleaving }),
      async (event) => {
        for (const record of event.Records) await deps.store.put(pkOf(record));
      },
    );
    return { trace, log: store.log };
  }

  it('the two records sit on different shards and are dispatched concurrently at t=0', async () => {
    const { trace } = await race([]);
    expect(trace.records.map((r) => [r.partitionKey, r.shard])).toEqual([[keys[0], 0], [keys[1], 1]]);
    expect(invocations(trace).map((i) => [i.id, i.shard, i.t, i.records])).toEqual([[0, 0, 0, [0]], [1, 1, 0, [1]]]);
  });

  it('interleaving [] releases the first-parked call first: the store sees shard 0 then shard 1', async () => {
    const { trace, log } = await race([]);
    expect(log).toEqual([`put ${keys[0]}`, `put ${keys[1]}`]);
    expect(rows(trace)).toEqual(['0/0/1 store.put deferred', '1/1/1 store.put deferred', '0/0/1 store.put released', '1/1/1 store.put released']);
  });

  it('another interleaving releases the other call first: the store sees shard 1 then shard 0', async () => {
    // choice 0: the group's start order (kept); choice 1: which of the two parked calls runs first.
    const { trace, log } = await race([0, 1]);
    expect(log).toEqual([`put ${keys[1]}`, `put ${keys[0]}`]);
    expect(rows(trace)).toEqual(['0/0/1 store.put deferred', '1/1/1 store.put deferred', '1/1/1 store.put released', '0/0/1 store.put released']);
    // both invocations still succeed: only the order of effects changed
    expect(invocations(trace).map((i) => i.outcome)).toEqual(['OK_SUCCESS', 'OK_SUCCESS']);
  });

  it('a read racing a write observes either order (the lost-update window)', async () => {
    // dispatch 0 reads the counter, dispatch 1 writes it; whichever is released first wins.
    const runOnce = async (interleaving: number[]) => {
      let value = 0;
      const seen: number[] = [];
      const deps = wrapDeps({ counter: { read: async () => value, write: async (v: number) => void (value = v) } });
      await simulate(scenario(keys, { dependencies: [{ kind: 'defer', match: {} }] }, { stream: { shardCount: 2 }, interleaving }), async (event) => {
        if (pkOf(event.Records[0]!) === keys[0]) seen.push(await deps.counter.read());
        else await deps.counter.write(10);
      });
      return seen;
    };
    expect(await runOnce([])).toEqual([0]);
    expect(await runOnce([0, 1])).toEqual([10]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('wrapDeps: crash after k dependency calls (partial effects)', () => {
  async function crashRun(afterCalls: number): Promise<{ trace: Trace; store: Store; reached: number[] }> {
    const store = makeStore();
    const deps = wrapDeps({ store });
    const reached: number[] = [];
    const trace = await simulate(scenario(['a'], { invocations: [{ kind: 'crash', afterCalls, match: { dispatch: 0 } }] }), async () => {
      for (const step of [1, 2, 3]) {
        await deps.store.put(`${step}`);
        reached.push(step);
      }
    });
    return { trace, store, reached };
  }

  it('afterCalls: 2 with three calls ⇒ two effects, the third never runs; FUNCTION_ERROR Runtime.ExitError, env recycled; the retry applies everything', async () => {
    const { trace, store, reached } = await crashRun(2);
    // dispatch 0 applied 1 and 2 and died; dispatch 1 (the retry) applied 1, 2, 3: duplicates
    expect(store.log).toEqual(['put 1', 'put 2', 'put 1', 'put 2', 'put 3']);
    // code after the crashing call never ran in dispatch 0
    expect(reached).toEqual([1, 1, 2, 3]);
    expect(rows(trace)).toEqual([
      '0/0/1 store.put called',
      '0/1/2 store.put crashed',
      '1/2/1 store.put called',
      '1/3/2 store.put called',
      '1/4/3 store.put called',
    ]);
    const [first, retry] = invocations(trace);
    expect(first).toMatchObject({ id: 0, attempt: 1, env: 0, outcome: 'FUNCTION_ERROR', fault: 'crash' });
    expect(eventsOf(trace, 'result')[0]!.error).toEqual({ errorType: 'Runtime.ExitError', errorMessage: 'injected: the runtime exited during the invocation' });
    expect(eventsOf(trace, 'env-recycle')).toEqual([expect.objectContaining({ env: 0, reason: 'crash' })]);
    expect(retry).toMatchObject({ id: 1, attempt: 2, env: 1, outcome: 'OK_SUCCESS' });
    expect(eventsOf(trace, 'env-start').map((e) => [e.env, e.dispatch])).toEqual([[0, 0], [1, 1]]);
    expect(eventsOf(trace, 'fault').map((e) => [e.kind, e.dispatch])).toEqual([['crash', 0]]);
  });

  it('afterCalls: 0 ⇒ the runtime is dead at its first call: no effect at all in that dispatch', async () => {
    const { trace, store, reached } = await crashRun(0);
    expect(store.log).toEqual(['put 1', 'put 2', 'put 3']);
    expect(reached).toEqual([1, 2, 3]);
    expect(rows(trace)).toEqual(['0/0/1 store.put dead', '1/1/1 store.put called', '1/2/2 store.put called', '1/3/3 store.put called']);
    expect(invocations(trace).map((i) => [i.id, i.outcome, i.fault])).toEqual([[0, 'FUNCTION_ERROR', 'crash'], [1, 'OK_SUCCESS', undefined]]);
    expect(eventsOf(trace, 'env-recycle').map((e) => e.reason)).toEqual(['crash']);
  });

  it('the rejection of the call a runtime died in surfaces nowhere (no floating-rejection finding)', async () => {
    const deps = wrapDeps({ store: { put: async (_value: string) => Promise.reject(new Error('conditional check failed')) } });
    const trace = await simulate(
      {
        table: { partitionKey: 'pk' },
        operations: [{ type: 'put', at: 0, item: { pk: 'a' } }],
        faults: { invocations: [{ kind: 'crash', afterCalls: 1, match: { dispatch: 0 } }] },
      },
      async () => {
        try {
          await deps.store.put('x');
        } catch {
          // the handler handles its own write failures
        }
      },
    );
    expect(trace.events.filter((e) => e.type === 'finding')).toEqual([]);
  });

  it('a call still deferred when the runtime dies is never sent', async () => {
    const log: string[] = [];
    const deps = wrapDeps({ store: { put: async (v: string) => void log.push(v) } });
    const trace = await simulate(
      {
        table: { partitionKey: 'pk' },
        operations: [{ type: 'put', at: 0, item: { pk: 'a' } }],
        faults: { invocations: [{ kind: 'crash', afterCalls: 2, match: { dispatch: 0 } }], dependencies: [{ kind: 'defer', match: { dispatch: 0, nth: 1 } }] },
      },
      async () => {
        const first = deps.store.put('held');
        await deps.store.put('sent');
        await first;
      },
    );
    expect(log).toEqual(['sent', 'held', 'sent']);
    expect(rows(trace).slice(0, 3)).toEqual(['0/0/1 store.put deferred', '0/1/2 store.put crashed', '0/0/1 store.put dead']);
  });

  it('afterCalls: 1 ⇒ exactly one effect before the crash', async () => {
    const { store, trace } = await crashRun(1);
    expect(store.log).toEqual(['put 1', 'put 1', 'put 2', 'put 3']);
    expect(rows(trace).slice(0, 1)).toEqual(['0/0/1 store.put crashed']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('wrapDeps with a real DynamoDBDocumentClient (aws-sdk-client-mock)', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  let table: Map<string, Record<string, unknown>>;

  beforeEach(() => {
    ddbMock.reset();
    table = new Map();
    ddbMock.on(PutCommand).callsFake(async (input: { Item: Record<string, unknown> }) => {
      table.set(String(input.Item['pk']), input.Item);
      return {};
    });
    ddbMock.on(GetCommand).callsFake(async (input: { Key: Record<string, unknown> }) => ({ Item: table.get(String(input.Key['pk'])) }));
  });
  afterEach(() => {
    ddbMock.reset();
  });

  const newDocClient = () =>
    DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));

  async function sdkRun(dependencies: DependencyFault[], simSeed?: number): Promise<{ trace: Trace; errors: unknown[] }> {
    const deps = wrapDeps({ ddb: newDocClient() });
    const errors: unknown[] = [];
    const trace = await simulate(scenario(['a'], { dependencies }, simSeed === undefined ? {} : { simSeed }), async (event) => {
      const pk = pkOf(event.Records[0]!);
      try {
        await deps.ddb.send(new PutCommand({ TableName: 'items', Item: { pk, v: 1 } }));
      } catch (error) {
        errors.push(error);
      }
      const got = await deps.ddb.send(new GetCommand({ TableName: 'items', Key: { pk } }));
      errors.push(got.Item === undefined ? 'absent' : `present v=${String(got.Item['v'])}`);
    });
    return { trace, errors };
  }

  it('outside an invocation the wrapped client is transparent', async () => {
    const deps = wrapDeps({ ddb: newDocClient() });
    await deps.ddb.send(new PutCommand({ TableName: 'items', Item: { pk: 'z', v: 2 } }));
    await expect(deps.ddb.send(new GetCommand({ TableName: 'items', Key: { pk: 'z' } }))).resolves.toEqual({ Item: { pk: 'z', v: 2 } });
    expect(ddbMock.commandCalls(PutCommand)).toHaveLength(1);
  });

  it('without faults, calls are traced as `ddb.send(<Command>)` and reach the mock', async () => {
    const { trace, errors } = await sdkRun([]);
    expect(rows(trace)).toEqual(['0/0/1 ddb.send(PutCommand) called', '0/1/2 ddb.send(GetCommand) called']);
    expect(errors).toEqual(['present v=1']);
    expect(ddbMock.commandCalls(PutCommand)).toHaveLength(1);
  });

  it('reject: ProvisionedThroughputExceededException shaped like the SDK error; the mock received no call', async () => {
    const { trace, errors } = await sdkRun([{ kind: 'reject', match: { path: 'ddb.send(PutCommand)' } }]);
    expect(ddbMock.commandCalls(PutCommand)).toHaveLength(0);
    expect(errors).toHaveLength(2);
    expect(errors[1]).toBe('absent');
    const error = errors[0] as Error & { $fault: string; $metadata: Record<string, unknown>; $retryable: unknown };
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ProvisionedThroughputExceededException');
    expect(error.$fault).toBe('client');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.$metadata.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(error.$metadata.attempts).toBe(1);
    expect(error.$metadata.totalRetryDelay).toBe(0);
    expect(error.$retryable).toEqual({ throttling: true });
    // handlers that classify with the SDK's exception class recognise it (smithy's
    // Symbol.hasInstance accepts an error with $fault/$metadata and the exception's name)
    expect(error).toBeInstanceOf(ProvisionedThroughputExceededException);
    expect(rows(trace)).toEqual(['0/0/1 ddb.send(PutCommand) rejected', '0/1/2 ddb.send(GetCommand) called']);
  });

  it('a `ddb.send` path prefix matches every command', async () => {
    const { trace } = await sdkRun([{ kind: 'reject', match: { path: 'ddb.send' } }]);
    expect(rows(trace).slice(0, 2)).toEqual(['0/0/1 ddb.send(PutCommand) rejected', '0/1/2 ddb.send(GetCommand) rejected']);
    expect(ddbMock.calls()).toHaveLength(0);
  });

  it('applyThenReject with error timeout: the mock received the call, the caller got TimeoutError', async () => {
    const { trace, errors } = await sdkRun([{ kind: 'applyThenReject', match: { path: 'ddb.send(PutCommand)' }, error: 'timeout' }]);
    expect(ddbMock.commandCalls(PutCommand)).toHaveLength(1);
    const error = errors[0] as Error & { $fault: string; $metadata: Record<string, unknown> };
    expect(error.name).toBe('TimeoutError');
    expect(error.$fault).toBe('client');
    expect(error.$metadata.httpStatusCode).toBeUndefined();
    // the write happened although the caller saw an error: the indeterminate outcome
    expect(errors[1]).toBe('present v=1');
    expect(rows(trace)).toEqual(['0/0/1 ddb.send(PutCommand) applied-then-rejected', '0/1/2 ddb.send(GetCommand) called']);
  });

  it('internal: InternalServerError with $fault server and HTTP 500', async () => {
    const { errors } = await sdkRun([{ kind: 'reject', match: { nth: 1 }, error: 'internal' }]);
    const error = errors[0] as Error & { $fault: string; $metadata: Record<string, unknown> };
    expect(error.name).toBe('InternalServerError');
    expect(error.message).toBe('Internal server error');
    expect(error.$fault).toBe('server');
    expect(error.$metadata.httpStatusCode).toBe(500);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(ddbMock.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('the injected $metadata.requestId is deterministic: identical across two runs of the same scenario', async () => {
    const requestId = async (simSeed?: number) => {
      const { errors } = await sdkRun([{ kind: 'reject', match: { nth: 1 } }], simSeed);
      return (errors[0] as { $metadata: { requestId: string } }).$metadata.requestId;
    };
    const a = await requestId();
    const b = await requestId();
    expect(a).toBe(b);
    expect(await requestId(7)).toBe(await requestId(7));
    expect(await requestId(7)).not.toBe(a);
  });

  it('crash after k calls works through send as well: one PutCommand applied, then nothing', async () => {
    const deps = wrapDeps({ ddb: newDocClient() });
    const trace = await simulate(scenario(['a'], { invocations: [{ kind: 'crash', afterCalls: 1, match: { dispatch: 0 } }] }), async () => {
      await deps.ddb.send(new PutCommand({ TableName: 'items', Item: { pk: 'first' } }));
      await deps.ddb.send(new PutCommand({ TableName: 'items', Item: { pk: 'second' } }));
    });
    expect(ddbMock.commandCalls(PutCommand).map((c) => String(c.args[0].input.Item?.['pk']))).toEqual(['first', 'first', 'second']);
    expect(rows(trace)).toEqual(['0/0/1 ddb.send(PutCommand) crashed', '1/1/1 ddb.send(PutCommand) called', '1/2/2 ddb.send(PutCommand) called']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('wrapDeps: determinism with deferred calls', () => {
  it('the same scenario with deferred calls and a given interleaving gives byte-identical trace JSON twice', async () => {
    const keys = await keyPerShard(3);
    const once = async () => {
      const store = makeStore();
      const deps = wrapDeps({ store });
      const trace = await simulate(
        {
          table: TABLE,
          operations: keys.flatMap((pk, i) => [0, 1].map((n) => ({ type: 'put' as const, at: i * 10, item: { pk, n } }))),
          stream: { shardCount: 3 },
          faults: { invocations: [], dependencies: [{ kind: 'reject', match: { call: 5 } }, { kind: 'defer', match: {} }] },
          interleaving: [1, 2, 0, 1, 1, 0, 2, 1, 0, 1],
          simSeed: 42,
        },
        async (event) => {
          await Promise.all(event.Records.map(async (record) => {
            await outcome(() => deps.store.put(pkOf(record)));
            await deps.store.get(pkOf(record));
          }));
        },
      );
      return { json: serializeTrace(trace), log: store.log.join(','), trace };
    };
    const a = await once();
    const b = await once();
    expect(b.json).toBe(a.json);
    expect(b.log).toBe(a.log);
    // non-vacuous: calls really were deferred, released in a non-trivial order, and one rejected
    const actions = dependencyEvents(a.trace).map((e) => e.action);
    expect(actions.filter((x) => x === 'deferred').length).toBeGreaterThanOrEqual(6);
    expect(actions.filter((x) => x === 'released').length).toBe(actions.filter((x) => x === 'deferred').length);
    expect(actions.filter((x) => x === 'rejected')).toHaveLength(1);
  });
});
