import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretChanges, qualifyChangeOptions, type ChangeSequenceOptions } from '../../../src/arbitraries/_internals/changeIntents.js';
import { resolveScenario } from '../../../src/scenario/index.js';
import { buildStreamHistory } from '../../../src/stream/index.js';
import { resolveTableSpec, type TableParameters } from '../../../src/table/index.js';

const TABLE: TableParameters = { partitionKey: 'pk', sortKey: 'sk', ttlAttribute: 'expiresAt' };
const spec = resolveTableSpec(TABLE);

function interpreted(options: ChangeSequenceOptions, intents: [number, number, number, number][]) {
  const q = qualifyChangeOptions(options, true, 'test');
  return interpretChanges(spec, q, { fakerSeed: 0, intents });
}

describe('ChangeInterpreter', () => {
  it('predicts exactly how many records the stream publishes', () => {
    for (const options of [{}, { eventNames: ['INSERT', 'REMOVE'] }, { eventNames: ['INSERT'] }] as ChangeSequenceOptions[]) {
      const q = qualifyChangeOptions({ ...options, maxLength: 80 }, true, 'test');
      fc.assert(
        fc.property(q.arbitrary, (raw) => {
          const run = interpretChanges(spec, q, raw);
          expect(buildStreamHistory(resolveScenario({ table: TABLE, operations: run.operations })).records).toHaveLength(run.records);
          expect(run.at).toBe(run.operations.at(-1)?.at ?? 0);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('falls back to what fits the item: a modify of a missing item inserts, a delete of one is a no-op', () => {
    // Raw action values 0..219 are inserts, 220..469 partial updates, 560..649 deletes (all kinds on).
    const run = interpreted({}, [
      [300, 0, 0, 1], // update of a missing item: creates it
      [600, 1, 5, 2], // delete of a missing item: no record
      [0, 0, 5, 3], // insert of a present item: replaces it
      [600, 0, 5, 4], // delete: removes it
    ]);
    expect(run.operations.map((op) => op.type)).toEqual(['update', 'delete', 'put', 'delete']);
    expect(run.records).toBe(3);
    expect(run.operations.map((op) => op.at)).toEqual([0, 5, 10, 15]);
    const history = buildStreamHistory(resolveScenario({ table: TABLE, operations: run.operations }));
    expect(history.records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
  });

  it('a modification always changes the item, so it always publishes MODIFY', () => {
    const intents: [number, number, number, number][] = [[0, 0, 0, 0]];
    for (let detail = 0; detail < 40; detail++) intents.push([300, 0, 0, detail]);
    const run = interpreted({}, intents);
    const history = buildStreamHistory(resolveScenario({ table: TABLE, operations: run.operations }));
    expect(history.records.map((r) => r.eventName)).toEqual(['INSERT', ...Array<string>(40).fill('MODIFY')]);
  });

  it('a transaction of w writes on key k writes min(w, k + 1) distinct items, none above k', () => {
    // Raw action 999 is the last of the table: a transaction of 4 writes.
    for (const key of [0, 1, 2, 5]) {
      const run = interpreted({}, [[999, key, 0, 7]]);
      const tx = run.operations[0]!;
      expect(tx.type).toBe('transactWrite');
      if (tx.type !== 'transactWrite') continue;
      expect(tx.writes).toHaveLength(Math.min(4, key + 1));
      const keys = tx.writes.map((w) => JSON.stringify(w.type === 'put' ? [w.item['pk'], w.item['sk']] : [w.key['pk'], w.key['sk']]));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
