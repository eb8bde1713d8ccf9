import { expect, test } from 'vitest';
import { checkStreamHandler } from 'shardcheck';
import { streamTest } from 'shardcheck/vitest';
import { makeHandler } from './handler.js';
import { Store } from './store.js';

const options = {
  createHandler: (deps) => makeHandler(deps.store),
  deps: () => ({ store: new Store() }),
  table: { partitionKey: 'pk' },
  mapping: { startingPosition: 'TRIM_HORIZON' },
  numRuns: 20,
  regressions: false,
};
const invariant = ({ deps, model }) => {
  const live = [...deps.store.items.values()].filter((v) => !v.removed).length;
  expect(live).toBe(model.finalImages().size);
};

streamTest('projection (streamTest)', options, invariant);

test('projection (checkStreamHandler)', async () => {
  const summary = await checkStreamHandler({ ...options, invariant });
  expect(summary.runs).toBe(20);
});
