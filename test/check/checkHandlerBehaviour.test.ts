import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { checkHandlerBehaviour } from '../../src/check/index.js';
import { corpus, indexOf, puts, simulated, TABLE } from './support.js';

describe('checkHandlerBehaviour (harness findings)', () => {
  it('is silent when the handler behaves', async () => {
    for (const run of await corpus()) expect(checkHandlerBehaviour(run.trace, run.model), run.name).toEqual([]);
  });

  it('turns every finding into one harness anomaly naming its kind, with the invocation and the finding as witnesses', async () => {
    let thrown = false;
    const run = await simulated('hostile', { table: TABLE, operations: puts(2, (i) => i * 1000) }, async (event: DynamoDBStreamEvent) => {
      const v = Number(event.Records[0]!.dynamodb!.NewImage!['v']!.N);
      if (v === 0) (event.Records as unknown[]).pop();
      else if (v === 1 && !thrown) {
        thrown = true;
        throw 'a string';
      }
    });
    const events = run.trace.events;
    const anomalies = checkHandlerBehaviour(run.trace, run.model);
    expect(anomalies.map((a) => [a.kind, a.rule, a.summary.split(' ')[0], a.events])).toEqual([
      ['harness', 'harness', 'event-mutated', [indexOf(events, 'invoke'), indexOf(events, 'finding')]],
      ['harness', 'harness', 'non-error-thrown', [indexOf(events, 'invoke', (e) => e.id === 1), indexOf(events, 'finding', () => true, 1)]],
    ]);
  });
});
