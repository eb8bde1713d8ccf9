import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { checkEventMutation } from '../../src/check/index.js';
import { corpus, indexOf, puts, simulated, TABLE } from './support.js';

describe('checkEventMutation (advisory)', () => {
  it('is silent on every correct trace of the corpus', async () => {
    for (const run of await corpus()) expect(checkEventMutation(run.trace, run.model), run.name).toEqual([]);
  });

  it('reports a handler that rewrites its events once per run, counting the invocations, first ones as witnesses', async () => {
    const run = await simulated('rewrites', { table: TABLE, operations: puts(3, (i) => i * 1000) }, async (event: DynamoDBStreamEvent) => {
      for (const record of event.Records) record.dynamodb!.NewImage = { normalised: { BOOL: true } };
    });
    const events = run.trace.events;
    expect(checkEventMutation(run.trace, run.model)).toEqual([
      {
        invariant: 'event-mutation',
        summary:
          'the handler modified its event object in place in 3 invocations (first: invocation 0); harmless on AWS, where every invocation gets a fresh event, but code that reuses what it changed breaks',
        shard: 0,
        records: [],
        events: [0, 1, 2].flatMap((id) => [indexOf(events, 'invoke', (e) => e.id === id), indexOf(events, 'finding', (e) => e.dispatch === id)]),
      },
    ]);
  });
});
