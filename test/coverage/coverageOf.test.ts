import { describe, expect, it } from 'vitest';
import { COVERAGE_ITEMS, CoverageTally, coverageOf, type CoverageItem } from '../../src/coverage/index.js';
import { wrapDeps } from '../../src/faults/wrapDeps.js';
import { simulate } from '../../src/mapping/simulate.js';
import type { ScenarioParameters } from '../../src/scenario/scenario.js';
import { keyPerShard, puts, RBIF, SQS_DLQ, TABLE } from '../mapping/rules/helpers.js';

const succeed = async () => undefined;
const reached = async (scenario: ScenarioParameters, handler = succeed as Parameters<typeof simulate>[1]) =>
  [...coverageOf(await simulate(scenario, handler))].sort();

describe('coverageOf', () => {
  it('stays silent on a plain run: nothing but what a single invocation reaches', async () => {
    expect(await reached({ table: TABLE, operations: puts(3) })).toEqual([]);
  });

  it('sees bisection down to one record, retries exhausted and the destination', async () => {
    const fail = async () => {
      throw new Error('poison');
    };
    const items = await reached(
      { table: TABLE, operations: puts(2), mapping: { bisectBatchOnFunctionError: true, maximumRetryAttempts: 0, destinationConfig: { onFailure: { destination: SQS_DLQ } } } },
      fail,
    );
    expect(items).toEqual(['bisect-to-single-record', 'destination-discard', 'retries-exhausted', 'warm-reuse']);
  });

  it('sees partial responses, record-age expiry and retention trim', async () => {
    const partial = async (event: { Records: { dynamodb?: { SequenceNumber?: string } }[] }) => ({
      batchItemFailures: [{ itemIdentifier: event.Records.at(-1)!.dynamodb!.SequenceNumber! }],
    });
    expect(await reached({ table: TABLE, operations: puts(2), mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: 0 } }, partial as never)).toContain('partial-response');
    const old = { table: TABLE, operations: puts(1), mapping: { enabled: false, maximumRecordAgeInSeconds: 60 }, faults: { timed: [{ kind: 'enable' as const, at: 61_000 }] } };
    expect(await reached(old)).toEqual(['disable-enable', 'record-age-expiry']);
    const late = { table: TABLE, operations: puts(1), mapping: { enabled: false }, faults: { timed: [{ kind: 'enable' as const, at: 25 * 3_600_000 }] } };
    expect(await reached(late)).toEqual(['disable-enable', 'retention-trim']);
  });

  it('sees splits, rollovers, concurrent shards and parallel lanes', async () => {
    expect(await reached({ table: TABLE, operations: puts(2, { at: (i) => i * 1000 }), stream: { topology: [{ kind: 'split', at: 500, shard: 0 }] } })).toContain('shard-split');
    expect(await reached({ table: TABLE, operations: puts(2, { at: (i) => i * 1000 }), stream: { topology: [{ kind: 'rollover', at: 500, shard: 0 }] } })).toContain('shard-rollover');
    const [a, b] = await keyPerShard(2);
    expect(await reached({ table: TABLE, operations: puts(2, { pk: (i) => [a!, b!][i]! }), stream: { shardCount: 2 } })).toEqual(['concurrent-shards']);
    const lanes = await reached({ table: TABLE, operations: puts(40, { pk: (i) => `k${i}` }), mapping: { parallelizationFactor: 4 } });
    expect(lanes).toContain('parallel-lanes');
  });

  it('sees invocation, timed and dependency faults', async () => {
    const store = { put: async (_: string) => undefined };
    const deps = wrapDeps({ store });
    const handler = async () => {
      await deps.store.put('x');
      await deps.store.put('y');
      await deps.store.put('z');
    };
    const items = await reached(
      {
        table: TABLE,
        operations: puts(2, { at: (i) => i * 10_000 }),
        faults: {
          invocations: [{ kind: 'throttle', match: { dispatch: 0 } }, { kind: 'timeout', match: { dispatch: 1 } }, { kind: 'crash', match: { dispatch: 2 } }],
          timed: [{ kind: 'restart', at: 5_000 }, { kind: 'duplicate', at: 6_000, shard: 0 }],
          dependencies: [{ kind: 'reject', match: { call: 0 } }, { kind: 'applyThenReject', match: { call: 1 } }, { kind: 'defer', match: {} }],
        },
      },
      handler,
    );
    expect(items).toEqual(
      ['crash', 'dependency-apply-then-reject', 'dependency-defer', 'dependency-reject', 'duplicate-delivery', 'environment-recycle', 'restart', 'throttle', 'timeout', 'warm-reuse'].sort(),
    );
  });
});

describe('CoverageTally', () => {
  it('counts runs per item and lists the items never reached', async () => {
    const tally = new CoverageTally();
    tally.add(await simulate({ table: TABLE, operations: puts(1) }, succeed));
    tally.add(await simulate({ table: TABLE, operations: puts(1), faults: { invocations: [{ kind: 'throttle', match: { dispatch: 0 } }] } }, succeed));
    const summary = tally.summary();
    expect(summary.runs).toBe(2);
    expect(summary.reached.throttle).toBe(1);
    expect(summary.reached['shard-split']).toBe(0);
    expect(summary.missing).toEqual(COVERAGE_ITEMS.filter((item: CoverageItem) => item !== 'throttle'));
  });
});
