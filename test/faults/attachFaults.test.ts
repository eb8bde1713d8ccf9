import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { attachFaults } from '../../src/faults/attachFaults.js';
import type { DependencyFault } from '../../src/faults/faultSchedule.js';
import { simulate } from '../../src/mapping/simulate.js';
import type { ScenarioParameters } from '../../src/scenario/scenario.js';
import { dependencyRows, loggingStore } from '../support/dependencyFixtures.js';

/*
 * DESIGN §2: deps may be objects the handler's module already holds (it never sees a proxy);
 * faults are then attached in place for the run and removed afterwards.
 */

const scenario = (keys: readonly string[], dependencies: DependencyFault[]): ScenarioParameters => ({
  table: { partitionKey: 'pk' },
  operations: keys.map((pk) => ({ type: 'put' as const, at: 0, item: { pk } })),
  faults: { dependencies },
});

const rows = dependencyRows;

/** A module-scope downstream, as a handler module would hold it, with a nested client. */
function moduleStore() {
  const store = loggingStore();
  return {
    ...store,
    nested: {
      async publish(topic: string): Promise<void> {
        store.log.push(`publish ${topic}`);
      },
    },
  };
}

class Repository {
  readonly rows: string[] = [];
  async save(row: string): Promise<void> {
    this.rows.push(row);
  }
}

const descriptors = (o: object) => Object.getOwnPropertyDescriptors(o);

describe('attachFaults', () => {
  it('outside a simulated invocation the patched members behave as before, and detach restores every object exactly', async () => {
    const store = moduleStore();
    const repo = new Repository();
    const deps = { store, repo };
    const before = [descriptors(store), descriptors(store.nested), descriptors(repo)];
    const detach = attachFaults(deps);
    expect(store.put).not.toBe(before[0]!['put']!.value);
    await store.put('a');
    await store.nested.publish('t');
    await repo.save('r');
    expect(store.log).toEqual(['put a', 'publish t']);
    expect(repo.rows).toEqual(['r']);
    detach();
    expect([descriptors(store), descriptors(store.nested), descriptors(repo)]).toEqual(before);
    expect(Object.hasOwn(repo, 'save')).toBe(false);
  });

  it('inside a run, a handler using its module-scope object gets the scheduled faults, traced by path', async () => {
    const store = moduleStore();
    const repo = new Repository();
    const errors: string[] = [];
    const handler = async (): Promise<void> => {
      try {
        await store.put('x');
      } catch (error) {
        errors.push((error as Error).name);
      }
      await store.nested.publish('t');
      await repo.save('r');
    };
    const detach = attachFaults({ store, repo });
    const trace = await simulate(scenario(['a'], [{ kind: 'reject', match: { path: 'store.put' } }]), handler);
    detach();
    expect(rows(trace).slice(0, 3)).toEqual(['0/0/1 store.put rejected', '0/1/2 store.nested.publish called', '0/2/3 repo.save called']);
    expect(errors).toEqual(['ThrottlingError']);
    expect(store.log).toEqual(['publish t']);
  });

  it('attaching twice wraps once: one decision per call', async () => {
    const store = moduleStore();
    const detachOuter = attachFaults({ store });
    const detachInner = attachFaults({ store });
    const trace = await simulate(scenario(['a'], []), async () => store.put('x'));
    detachInner();
    detachOuter();
    expect(rows(trace)).toEqual(['0/0/1 store.put called']);
  });

  it('a frozen object cannot take faults in place: a clear error, and nothing stays patched', () => {
    const open = moduleStore();
    const before = descriptors(open);
    const frozen = Object.freeze({ async put(): Promise<void> {} });
    expect(() => attachFaults({ open, frozen })).toThrow('deps.frozen.put cannot be given faults in place: the object is frozen or the member is not configurable; hand the object to the handler through createHandler (it then gets a fault-injecting proxy)');
    expect(descriptors(open)).toEqual(before);
  });

  describe('a module-level DynamoDBDocumentClient mocked with aws-sdk-client-mock', () => {
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
    const ddbMock = mockClient(ddb);
    afterEach(() => ddbMock.reset());

    it('only `send` is patched (not the SDK internals); the mock sees the calls the faults let through; detach restores the stub', async () => {
      ddbMock.on(PutCommand).resolves({});
      const stub = ddb.send;
      const stack = ddb.middlewareStack;
      const handler = async (): Promise<void> => {
        await ddb.send(new PutCommand({ TableName: 't', Item: { pk: 'a' } }));
      };
      const detach = attachFaults({ ddb });
      expect(ddb.middlewareStack).toBe(stack);
      const trace = await simulate(scenario(['a', 'b'], [{ kind: 'reject', match: { call: 0 } }]), handler);
      detach();
      expect(ddb.send).toBe(stub);
      expect(rows(trace)[0]).toBe('0/0/1 ddb.send(PutCommand) rejected');
      expect(rows(trace).filter((r) => r.endsWith('called')).length).toBe(ddbMock.commandCalls(PutCommand).length);
      expect(ddbMock.commandCalls(PutCommand).length).toBeGreaterThan(0);
    });
  });
});
