import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { DependencyFault, InvocationFault } from '../../src/faults/faultSchedule.js';
import { wrapDeps } from '../../src/faults/wrapDeps.js';
import type { StreamHandler } from '../../src/mapping/handlerTypes.js';
import { simulate } from '../../src/mapping/simulate.js';
import type { ScenarioParameters } from '../../src/scenario/scenario.js';
import { dependencyRows, loggingStore } from '../support/dependencyFixtures.js';
import { eventsOf, invocations } from './rules/helpers.js';

/*
 * The DependencyGate (DESIGN §5) seen through simulate + wrapDeps: edge cases of deferral and
 * crashes that the wrapDeps tests do not reach — floating calls, calls parked when the handler
 * returns, and what a dead runtime's calls do.
 */

const makeStore = loggingStore;

const rows = dependencyRows;
const pkOf = (record: DynamoDBRecord): string => record.dynamodb!.Keys!['pk']!.S!;

function scenario(
  operations: ScenarioParameters['operations'],
  faults: { dependencies?: DependencyFault[]; invocations?: InvocationFault[] },
  extra: Partial<ScenarioParameters> = {},
): ScenarioParameters {
  return { table: { partitionKey: 'pk' }, operations, faults: { dependencies: faults.dependencies ?? [], invocations: faults.invocations ?? [] }, ...extra };
}
const putAt = (pk: string, at = 0) => ({ type: 'put' as const, at, item: { pk } });

const flushMacrotasks = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('DependencyGate', () => {
  it('concurrent calls of one dispatch are reordered by the interleaving', async () => {
    const once = async (interleaving: number[]) => {
      const store = makeStore();
      const deps = wrapDeps({ store });
      const trace = await simulate(scenario([putAt('a')], { dependencies: [{ kind: 'defer', match: {} }] }, { interleaving }), async () => {
        await Promise.all([deps.store.put('x'), deps.store.put('y')]);
      });
      return { log: store.log, trace };
    };
    const first = await once([]);
    expect(first.log).toEqual(['put x', 'put y']);
    expect(rows(first.trace)).toEqual(['0/0/1 store.put deferred', '0/1/2 store.put deferred', '0/0/1 store.put released', '0/1/2 store.put released']);
    const second = await once([1]);
    expect(second.log).toEqual(['put y', 'put x']);
    expect(rows(second.trace)).toEqual(['0/0/1 store.put deferred', '0/1/2 store.put deferred', '0/1/2 store.put released', '0/0/1 store.put released']);
  });

  it('calls still parked when the handler returns are released at the end of the group, in interleaving order', async () => {
    const once = async (interleaving: number[]) => {
      const store = makeStore();
      const deps = wrapDeps({ store });
      const trace = await simulate(scenario([putAt('a')], { dependencies: [{ kind: 'defer', match: {} }] }, { interleaving }), async () => {
        void deps.store.put('x');
        void deps.store.put('y');
      });
      return { log: store.log, trace };
    };
    const first = await once([]);
    expect(first.log).toEqual(['put x', 'put y']);
    expect(rows(first.trace).filter((r) => r.endsWith('released'))).toEqual(['0/0/1 store.put released', '0/1/2 store.put released']);
    expect(invocations(first.trace).map((i) => i.outcome)).toEqual(['OK_SUCCESS']);
    const second = await once([1]);
    expect(second.log).toEqual(['put y', 'put x']);
  });

  it('a call made by a floating promise after its group ended is not deferred (nothing would release it)', async () => {
    const store = makeStore();
    const deps = wrapDeps({ store });
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const late: string[] = [];
    const handler: StreamHandler = async (event) => {
      const pk = pkOf(event.Records[0]!);
      if (pk === 'first') {
        // floating: continues in this invocation's async context once a later invocation opens the gate
        void gate.then(() => deps.store.put('late')).then(() => late.push('settled'));
      } else {
        openGate();
      }
    };
    const trace = await simulate(scenario([putAt('first', 0), putAt('second', 60_000)], { dependencies: [{ kind: 'defer', match: {} }] }), handler);
    await flushMacrotasks();
    const [d0, d1] = invocations(trace);
    expect([d0!.id, d1!.id]).toEqual([0, 1]);
    // attributed to the invocation that made it (dispatch 0), at the time it ran, and called, not deferred
    expect(rows(trace)).toEqual(['0/0/1 store.put called']);
    expect(eventsOf(trace, 'dependency')[0]!.t).toBe(d1!.t);
    expect(store.log).toEqual(['put late']);
    expect(late).toEqual(['settled']);
  });

  it('after a crash, the dead runtime\'s other async calls never run and never settle', async () => {
    const store = makeStore();
    const deps = wrapDeps({ store });
    const settled: string[] = [];
    let dispatches = 0;
    const trace = await simulate(scenario([putAt('a')], { invocations: [{ kind: 'crash', afterCalls: 1, match: { dispatch: 0 } }] }), async () => {
      const n = dispatches++;
      const calls = ['x', 'y', 'z'].map((k) => {
        const p = deps.store.put(`${k}${n}`);
        p.then(() => settled.push(`${k}${n} resolved`), () => settled.push(`${k}${n} rejected`));
        return p;
      });
      await Promise.all(calls);
    });
    await flushMacrotasks();
    expect(store.log).toEqual(['put x0', 'put x1', 'put y1', 'put z1']);
    expect(settled).toEqual(['x1 resolved', 'y1 resolved', 'z1 resolved']);
    expect(rows(trace)).toEqual([
      '0/0/1 store.put crashed',
      '0/1/2 store.put dead',
      '0/2/3 store.put dead',
      '1/3/1 store.put called',
      '1/4/2 store.put called',
      '1/5/3 store.put called',
    ]);
    expect(invocations(trace).map((i) => [i.id, i.outcome, i.fault])).toEqual([[0, 'FUNCTION_ERROR', 'crash'], [1, 'OK_SUCCESS', undefined]]);
  });

  it('a crash at a sync call applies it, then throws synchronously; later calls of that runtime are dead', async () => {
    const store = makeStore();
    const deps = wrapDeps({ store });
    const seen: string[] = [];
    let dispatches = 0;
    const trace = await simulate(scenario([putAt('a')], { invocations: [{ kind: 'crash', afterCalls: 2, match: { dispatch: 0 } }] }), async () => {
      const n = dispatches++;
      await deps.store.put(`first${n}`);
      try {
        seen.push(`count ${deps.store.count()}`);
      } catch (error) {
        seen.push(`threw ${(error as Error).message}`);
      }
      // a handler that swallows the error keeps going, but the runtime is gone: nothing applies
      void deps.store.put(`after${n}`).then(() => seen.push(`after${n} settled`));
    });
    await flushMacrotasks();
    expect(seen).toEqual(['threw shardcheck: the runtime crashed during store.count', 'count 2', 'after1 settled']);
    expect(store.log).toEqual(['put first0', 'put first1', 'put after1']);
    expect(rows(trace)).toEqual([
      '0/0/1 store.put called',
      '0/1/2 store.count crashed',
      '0/2/3 store.put dead',
      '1/3/1 store.put called',
      '1/4/2 store.count called',
      '1/5/3 store.put called',
    ]);
    expect(eventsOf(trace, 'result')[0]).toMatchObject({ id: 0, outcome: 'FUNCTION_ERROR', fault: 'crash', error: { errorType: 'Runtime.ExitError' } });
  });

  it('a crash fault whose handler makes fewer than afterCalls calls dies after the handler ran: every effect stays', async () => {
    const store = makeStore();
    const deps = wrapDeps({ store });
    const trace = await simulate(scenario([putAt('a')], { invocations: [{ kind: 'crash', afterCalls: 5, match: { dispatch: 0 } }] }), async () => {
      await deps.store.put('1');
      await deps.store.put('2');
    });
    expect(store.log).toEqual(['put 1', 'put 2', 'put 1', 'put 2']);
    expect(rows(trace).map((r) => r.split(' ')[2])).toEqual(['called', 'called', 'called', 'called']);
    expect(invocations(trace).map((i) => [i.outcome, i.fault])).toEqual([['FUNCTION_ERROR', 'crash'], ['OK_SUCCESS', undefined]]);
    expect(eventsOf(trace, 'env-recycle').map((e) => [e.env, e.reason])).toEqual([[0, 'crash']]);
  });

  it('the crash decision comes before dependency faults: the k-th call is applied even if a reject fault matches it', async () => {
    const store = makeStore();
    const deps = wrapDeps({ store });
    const trace = await simulate(
      scenario([putAt('a')], { invocations: [{ kind: 'crash', afterCalls: 1, match: { dispatch: 0 } }], dependencies: [{ kind: 'reject', match: { call: 0 } }] }),
      async () => {
        await deps.store.put('1').catch(() => undefined);
      },
    );
    expect(rows(trace)).toEqual(['0/0/1 store.put crashed', '1/1/1 store.put called']);
    expect(store.log).toEqual(['put 1', 'put 1']);
  });

  it('calls outside any invocation (e.g. from the invariant after the run) are not traced', async () => {
    const store = makeStore();
    const deps = wrapDeps({ store });
    const trace = await simulate(scenario([putAt('a')], { dependencies: [{ kind: 'reject', match: {} }] }), async () => undefined);
    await deps.store.put('from the test');
    expect(store.log).toEqual(['put from the test']);
    expect(rows(trace)).toEqual([]);
  });
});
