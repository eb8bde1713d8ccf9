import type { DynamoDBStreamEvent } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario, type ScenarioOptions } from '../src/arbitraries/index.js';
import { check } from '../src/check/index.js';
import { wrapDeps } from '../src/faults/wrapDeps.js';
import { simulate, type StreamHandler } from '../src/mapping/index.js';
import { buildModel } from '../src/model/index.js';
import type { Trace } from '../src/trace/index.js';
import { FakeDocumentClient } from '../test/support/sdkV2Fake.js';
import { TIMEOUT_MS, runs } from './support/campaign.js';

/*
 * What "survivable" promises: a handler that always succeeds (and records every record it sees)
 * gets every record at least once, and nothing is discarded (retries exhausted, too old) or
 * trimmed, whatever survivable faults the schedule injects. Records before a LATEST start are
 * legitimately never read (R22) and are left out.
 */

/** Sequence numbers of the records the mapping should deliver: all but those a LATEST start skips. */
function expectedSeqs(trace: Trace): Set<string> {
  const skipped = new Map<number, number>();
  for (const e of trace.events) if (e.type === 'shard-ready') skipped.set(e.shard, e.startIndex);
  const positions = new Map<number, number>();
  const expected = new Set<string>();
  for (const record of trace.records) {
    const index = positions.get(record.shard) ?? 0;
    positions.set(record.shard, index + 1);
    if (index >= (skipped.get(record.shard) ?? 0)) expected.add(record.seq);
  }
  return expected;
}

const VARIANTS: readonly [string, ScenarioOptions][] = [
  ['default', {}],
  ['no swarm, more faults', { swarm: false, faults: { maxInvocationFaults: 8, maxTimedFaults: 5, maxDependencyFaults: 4 }, operations: { maxLength: 80 } }],
  ['tight retry limit with bisect', { mapping: { maximumRetryAttempts: 1, bisectBatchOnFunctionError: true }, operations: { maxLength: 60 } }],
  ['fixed record-age limit of 5 minutes', { mapping: { maximumRecordAgeInSeconds: 300 }, operations: { maxLength: 60 } }],
];

describe('survivable schedules lose nothing', () => {
  it.each(VARIANTS)('%s: every record is delivered, none discarded or trimmed, the run drains', async (_name, options) => {
    await fc.assert(
      fc.asyncProperty(scenario(options), async (generated) => {
        const seen = new Set<string>();
        const trace = await simulate(generated, async (event: DynamoDBStreamEvent) => {
          for (const record of event.Records) seen.add(record.dynamodb?.SequenceNumber ?? '');
        });
        const lost = trace.events.filter((e) => e.type === 'discard' || e.type === 'trim');
        expect(lost).toEqual([]);
        expect(trace.events.at(-1)).toMatchObject({ type: 'end', reason: 'drained' });
        const missing = [...expectedSeqs(trace)].filter((seq) => !seen.has(seq));
        expect(missing).toEqual([]);
      }),
      { numRuns: runs(60, 1500) },
    );
  }, TIMEOUT_MS);

  it('a handler writing through wrapped dependencies: every record is applied, whatever the dependency faults', async () => {
    await fc.assert(
      fc.asyncProperty(scenario({ faults: { maxDependencyFaults: 4 }, operations: { maxLength: 80 } }), async (generated) => {
        const applied = new Set<string>();
        const store = wrapDeps({ store: { put: async (seq: string) => void applied.add(seq) } });
        // Correct: every record is written (idempotently), and a failed write fails the invocation.
        const trace = await simulate(generated, async (event: DynamoDBStreamEvent) => {
          for (const record of event.Records) await store.store.put(record.dynamodb?.SequenceNumber ?? '');
        });
        expect(trace.events.filter((e) => e.type === 'discard' || e.type === 'trim')).toEqual([]);
        expect(trace.events.at(-1)).toMatchObject({ type: 'end', reason: 'drained' });
        expect([...expectedSeqs(trace)].filter((seq) => !applied.has(seq))).toEqual([]);
      }),
      { numRuns: runs(60, 1500) },
    );
  }, TIMEOUT_MS);

  it('a callback-based handler writing through an AWS SDK v2-style client: every record applied, the built-in checks pass', async () => {
    await fc.assert(
      fc.asyncProperty(scenario({ faults: { maxDependencyFaults: 4 }, operations: { maxLength: 60 } }), async (generated) => {
        const real = new FakeDocumentClient();
        const ddb = wrapDeps({ ddb: real }).ddb;
        // Correct, in the callback style of Node.js 20/22: one write at a time, the first error ends the invocation.
        const handler: StreamHandler = (event, _context, callback) => {
          let next = 0;
          const write = (error: unknown): void => {
            const record = event.Records[next++];
            if (error !== null || record === undefined) return callback(error as Error | null);
            ddb.put({ TableName: 't', Item: { pk: record.dynamodb?.SequenceNumber ?? '' } }, write);
          };
          write(null);
        };
        const trace = await simulate(generated, handler);
        expect(check(trace, buildModel(generated))).toEqual({ valid: true, kind: null, anomalies: [] });
        expect([...expectedSeqs(trace)].filter((seq) => !real.table.has(seq))).toEqual([]);
      }),
      { numRuns: runs(40, 1000) },
    );
  }, TIMEOUT_MS);
});
