import type { ScenarioParameters } from '../scenario/index.js';
import type { TableOperation, Write } from '../table/index.js';

const user = (n: number) => ({ pk: `user#${n}`, sk: 'profile' });
const line = (n: number) => ({ pk: 'order#100', sk: `line#${n}` });
const session = { pk: 'user#2', sk: 'session' };

/**
 * The writes of the demo: profiles that change and get deleted, an order whose lines are written
 * in transactions, a session that TTL expires, writes that change nothing (no record, R4).
 */
const OPERATIONS: readonly Write[] = [
  { type: 'put', item: { ...user(1), name: 'Ada', plan: 'free', logins: 1 } },
  { type: 'put', item: { ...user(2), name: 'Grace', plan: 'free', logins: 1 } },
  { type: 'put', item: { ...user(3), name: 'Edsger', plan: 'pro', logins: 4 } },
  { type: 'put', item: { ...session, token: 'abc', expiresAt: 1_767_229_200 } },
  { type: 'update', key: user(1), set: { logins: 2 } },
  { type: 'update', key: user(2), set: { plan: 'pro' } },
  { type: 'transactWrite', writes: [{ type: 'put', item: { ...line(1), sku: 'pen', qty: 2 } }, { type: 'update', key: user(3), set: { lastOrder: 'order#100' } }] },
  { type: 'update', key: user(1), set: { plan: 'pro' }, remove: ['logins'] },
  { type: 'put', item: { ...line(2), sku: 'ink', qty: 1 } },
  { type: 'update', key: line(1), set: { qty: 3 } },
  { type: 'update', key: user(3), set: { logins: 5 } },
  { type: 'put', item: { ...user(4), name: 'Barbara', plan: 'free', tags: ['new'] } },
  { type: 'update', key: user(2), set: { logins: 2 } },
  { type: 'update', key: user(2), set: { logins: 2 } }, // no change: no stream record (R4)
  { type: 'delete', key: line(2) },
  { type: 'update', key: user(4), set: { address: { city: 'Paris', zip: '75001' } } },
  { type: 'put', item: { ...line(3), sku: 'paper', qty: 10 } },
  { type: 'update', key: user(1), set: { logins: 1 } },
  { type: 'ttlExpire', key: session },
  { type: 'update', key: line(3), set: { qty: 12 } },
  { type: 'transactWrite', writes: [{ type: 'delete', key: line(1) }, { type: 'update', key: user(3), set: { lastOrder: 'order#101' } }] },
  { type: 'put', item: { ...user(5), name: 'Alan', plan: 'free' } },
  { type: 'update', key: user(5), set: { logins: 1 } },
  { type: 'delete', key: user(4) },
  { type: 'update', key: user(2), set: { plan: 'team' } },
  { type: 'put', item: { ...user(4), name: 'Barbara', plan: 'pro' } },
  { type: 'update', key: user(5), set: { logins: 2 } },
  { type: 'update', key: line(3), set: { qty: 11 } },
  { type: 'delete', key: { pk: 'user#9', sk: 'profile' } }, // deleting a missing item: no record (R4)
  { type: 'update', key: user(1), set: { logins: 3 } },
  { type: 'update', key: user(3), set: { plan: 'team' } },
  { type: 'put', item: { ...line(4), sku: 'stapler', qty: 1 } },
  { type: 'update', key: user(5), set: { plan: 'pro' } },
  { type: 'update', key: user(4), set: { logins: 1 } },
  { type: 'update', key: line(4), set: { qty: 2 } },
  { type: 'update', key: user(2), set: { logins: 3 } },
  { type: 'delete', key: user(5) },
  { type: 'update', key: user(1), set: { plan: 'team' } },
  { type: 'update', key: line(3), set: { qty: 9 } },
  { type: 'update', key: user(3), set: { logins: 6 } },
];

const STEP_MS = 150;
/** Shard 0 splits halfway through the writes. */
const SPLIT_AT_MS = Math.floor(OPERATIONS.length / 2) * STEP_MS + 50;

/**
 * The built-in demo scenario: two shards, one of which splits mid-run; a mapping with
 * ReportBatchItemFailures, bisection, 2 retries and an SQS OnFailure destination; a throttle, a
 * timeout and a poller restart. Sequence numbers start just below 10^21, so they gain a digit
 * during the run (handlers that compare them as strings go wrong).
 */
export function demoScenario(): ScenarioParameters {
  return {
    table: { tableName: 'accounts', partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES', ttlAttribute: 'expiresAt' },
    operations: OPERATIONS.map((op, i) => ({ ...op, at: i * STEP_MS }) as TableOperation),
    stream: { shardCount: 2, topology: [{ kind: 'split', at: SPLIT_AT_MS, shard: 0 }], sequenceStart: '999999999999999990000' },
    mapping: {
      batchSize: 5,
      functionResponseTypes: ['ReportBatchItemFailures'],
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 2,
      destinationConfig: { onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:accounts-projection-dlq' } },
    },
    function: { functionName: 'accounts-projection' },
    faults: {
      invocations: [
        { kind: 'throttle', match: { dispatch: 2 } },
        { kind: 'timeout', match: { dispatch: 6 } },
      ],
      timed: [{ kind: 'restart', at: 2_600 }],
    },
    simSeed: 7,
  };
}
