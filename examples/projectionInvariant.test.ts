/**
 * "What must my projection hold at the end of a run?"
 *
 * What the handler owed (`model.owedImages(trace)`): for every item, the image after its last
 * change that the run did not legitimately give up on. Records written before a LATEST start (R22),
 * trimmed (R6), or discarded after exhausted retries (R24) or by age (R25) are not owed, so the
 * table's final state (`model.finalImages()`) is the wrong expectation whenever one of those
 * happens. Items are keyed by the item key (`user#1|profile`), which `itemKey(record, table)` gives.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { buildModel, checkStreamHandler, itemKey, simulate } from 'shardcheck';

const table = { partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES' } as const;

type Store = Map<string, { seq: bigint; image?: Record<string, unknown> }>;

/** An idempotent projection: a record is written only when newer than what the store holds; REMOVEs leave a tombstone. */
function makeHandler(store: Store) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      try {
        const key = itemKey(record, table);
        const seq = BigInt(record.dynamodb!.SequenceNumber!);
        if ((store.get(key)?.seq ?? -1n) >= seq) continue;
        store.set(key, record.eventName === 'REMOVE' ? { seq } : { seq, image: unmarshall(record.dynamodb!.NewImage as never) });
      } catch {
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb!.SequenceNumber! }] };
      }
    }
    return { batchItemFailures: [] };
  };
}

/** The projection's live items: what is compared. */
const projectionOf = (store: Store) => new Map([...store].flatMap(([key, entry]) => (entry.image === undefined ? [] : [[key, entry.image] as const])));

describe('the projection holds what the handler owed', () => {
  it('one line, under every generated scenario (LATEST starts included)', async () => {
    await checkStreamHandler({
      createHandler: (deps) => makeHandler(deps.store),
      deps: () => ({ store: new Map() as Store }),
      table,
      mapping: { functionResponseTypes: ['ReportBatchItemFailures'] },
      invariant: ({ deps, model, trace }) => {
        expect(projectionOf(deps.store)).toEqual(model.owedImages(trace));
      },
      numRuns: 40,
      seed: 11,
      regressions: false,
    });
  });

  it('with survivable: false, an item whose record was applied and then given up on may hold either state: pass the projection as observed', async () => {
    await checkStreamHandler({
      createHandler: (deps) => makeHandler(deps.store),
      deps: () => ({ store: new Map() as Store }),
      table,
      mapping: { functionResponseTypes: ['ReportBatchItemFailures'] },
      survivable: false,
      invariant: ({ deps, model, trace }) => {
        const projection = projectionOf(deps.store);
        expect(projection).toEqual(model.owedImages(trace, { observed: projection }));
      },
      numRuns: 40,
      seed: 11,
      regressions: false,
    });
  });

  it('LATEST: what was written before reading started is not owed, though it is in the table', async () => {
    // simSeed 1 starts reading after the write at 0 and before the one at 120 s.
    const scenario = {
      table,
      operations: [
        { type: 'put' as const, at: 0, item: { pk: 'user#1', sk: 'profile', name: 'Ada' } },
        { type: 'put' as const, at: 120_000, item: { pk: 'user#2', sk: 'profile', name: 'Edsger' } },
      ],
      mapping: { startingPosition: 'LATEST' as const },
      simSeed: 1,
    };
    const store: Store = new Map();
    const trace = await simulate(scenario, makeHandler(store));
    const model = buildModel(scenario);
    expect(model.owed(trace).givenUp.map((d) => [d.record.itemKey, d.reason])).toEqual([['user#1|profile', 'skipped-by-LATEST']]);
    expect(projectionOf(store)).toEqual(model.owedImages(trace));
    expect(projectionOf(store)).toEqual(new Map([['user#2|profile', { pk: 'user#2', sk: 'profile', name: 'Edsger' }]]));
    expect([...model.finalImages().keys()]).toEqual(['user#1|profile', 'user#2|profile']);
  });

  it('a projection keyed or stored its own way: key and form', async () => {
    const scenario = { table, operations: [{ type: 'put' as const, at: 0, item: { pk: 'user#1', sk: 'profile', tags: new Set(['a']) } }] };
    const model = buildModel(scenario);
    const trace = await simulate(scenario, async () => undefined);
    // Keyed by `pk/sk`, stored as JSON text parsed back (sets become {}, binary stays base64 text).
    expect(model.owedImages(trace, { form: 'json', key: (keys) => `${String(keys['pk'])}/${String(keys['sk'])}` })).toEqual(
      new Map([['user#1/profile', { pk: 'user#1', sk: 'profile', tags: {} }]]),
    );
  });
});
