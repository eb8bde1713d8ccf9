import { describe, expect, it } from 'vitest';
import { compareProjection } from '../../src/cli/compareProjection.js';
import { demoScenario } from '../../src/cli/demoScenario.js';
import { expectedProjection } from '../../src/cli/expectedProjection.js';
import { simulate } from '../../src/mapping/simulate.js';
import { createFlakyHandler } from '../../fixtures/handlers/flaky.js';
import { createLostUpdateHandler } from '../../fixtures/handlers/lostUpdate.js';
import { createProjectionHandler, projectionKeyOf, type ProjectionStore } from '../../fixtures/handlers/projection.js';

type Factory = (store: ProjectionStore) => ReturnType<typeof createProjectionHandler> | ReturnType<typeof createFlakyHandler>;

async function demoWith(factory: Factory) {
  const scenario = demoScenario();
  const store: ProjectionStore = new Map();
  await simulate(scenario, { createHandler: () => factory(store) });
  return compareProjection(expectedProjection(scenario, projectionKeyOf), store, (key) => key);
}

describe('the demo check', () => {
  it('expects the final images folded from the writes, deleted and expired items absent', () => {
    const expected = expectedProjection(demoScenario(), projectionKeyOf);
    expect([...expected.keys()].map((k) => JSON.parse(k) as unknown).sort()).toEqual([
      [['pk', 'order#100'], ['sk', 'line#3']],
      [['pk', 'order#100'], ['sk', 'line#4']],
      [['pk', 'user#1'], ['sk', 'profile']],
      [['pk', 'user#2'], ['sk', 'profile']],
      [['pk', 'user#3'], ['sk', 'profile']],
      [['pk', 'user#4'], ['sk', 'profile']],
    ]);
    expect(expected.get(projectionKeyOf({ pk: 'user#1', sk: 'profile' }))).toEqual({ pk: 'user#1', sk: 'profile', name: 'Ada', plan: 'team', logins: 3 });
  });

  it('passes the correct projection handler', async () => {
    expect(await demoWith((store) => createProjectionHandler(store))).toEqual({ ok: true, items: 6, differences: [] });
  });

  it('catches the string-compared sequence numbers (they gain a digit mid-run)', async () => {
    const result = await demoWith((store) => createLostUpdateHandler(store));
    expect(result.ok).toBe(false);
    expect(result.differences.join('\n')).toContain('[["pk","user#1"],["sk","profile"]]: expected {"logins":3,');
  });

  it('catches the records of a poison item discarded after retries', async () => {
    const poisonKey = projectionKeyOf({ pk: 'user#3', sk: 'profile' });
    const result = await demoWith((store) => createFlakyHandler(store, { poisonKey }));
    expect(result.differences).toEqual([`${poisonKey}: expected {"lastOrder":"order#101","logins":6,"name":"Edsger","pk":"user#3","plan":"team","sk":"profile"}, got absent`]);
  });
});
