import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { scenario, type ScenarioOptions } from '../src/arbitraries/index.js';
import type { ScenarioParameters } from '../src/scenario/index.js';
import { runs } from './support/campaign.js';
import { SIZE_COMPONENTS, recordStats, scenarioSize, type ScenarioSize } from './support/scenarioSize.js';

/*
 * Shrinking never grows a scenario: along fast-check's shrink path every size component (operations,
 * writes, key space, shards, faults, interleaving choices, batch size) stays equal or gets smaller,
 * and so does every direct shrink of any generated scenario. The shrunk counterexample of a failing
 * property also has no more records, items, shards or faults than the first failure.
 */

function expectNotLarger(child: ScenarioSize, parent: ScenarioSize, where: string): void {
  for (const component of SIZE_COMPONENTS) {
    if (child[component] > parent[component]) {
      expect.fail(`${where}: ${component} grew from ${parent[component]} to ${child[component]}`);
    }
  }
}

/** Runs a property that fails for `failing` scenarios and returns every failing scenario met, in order. */
function shrinkPath(arbitrary: fc.Arbitrary<ScenarioParameters>, failing: (s: ScenarioParameters) => boolean, seed: number): ScenarioParameters[] {
  const path: ScenarioParameters[] = [];
  const details = fc.check(
    fc.property(arbitrary, (s) => {
      if (!failing(s)) return true;
      path.push(s);
      return false;
    }),
    { seed, numRuns: 1000 },
  );
  expect(details.failed).toBe(true);
  expect(path.at(-1)).toBe(details.counterexample?.[0]);
  return path;
}

const PREDICATES: readonly [string, ScenarioOptions, (s: ScenarioParameters) => boolean][] = [
  ['three records on one item', {}, (s) => recordStats(s).busiest >= 3],
  ['two shards and two faults', { swarm: false }, (s) => scenarioSize(s).shards >= 2 && scenarioSize(s).faults >= 2],
  ['a large batch size and an interleaving choice', {}, (s) => (s.mapping?.batchSize ?? 100) >= 5 && (s.interleaving ?? []).some((c) => c >= 3)],
];

describe('shrinking never grows', () => {
  it.each(PREDICATES)('along the shrink path of "%s"', (_name, options, failing) => {
    for (let seed = 1; seed <= runs(3, 40); seed++) {
      const path = shrinkPath(scenario(options), failing, seed);
      for (let i = 1; i < path.length; i++) expectNotLarger(scenarioSize(path[i]!), scenarioSize(path[i - 1]!), `seed ${seed}, step ${i}`);
      const first = path[0]!;
      const last = path.at(-1)!;
      const [before, after] = [recordStats(first), recordStats(last)];
      expect(after.records).toBeLessThanOrEqual(before.records);
      expect(after.keys).toBeLessThanOrEqual(before.keys);
      expect(scenarioSize(last).shards).toBeLessThanOrEqual(scenarioSize(first).shards);
      expect(scenarioSize(last).faults).toBeLessThanOrEqual(scenarioSize(first).faults);
    }
  });

  it('the minimal counterexample of "three records on one item" is three operations on one item', () => {
    const path = shrinkPath(scenario(), (s) => recordStats(s).busiest >= 3, 7);
    const last = path.at(-1)!;
    expect(recordStats(last)).toMatchObject({ records: 3, keys: 1 });
    expect(scenarioSize(last)).toMatchObject({ operations: 3, keySpan: 1, shards: 1, faults: 0, interleaving: 0, batchSize: 1 });
  });

  it.each([
    ['default', {}],
    ['no swarm, not survivable', { swarm: false, survivable: false }],
    ['fixed record-age limit', { mapping: { maximumRecordAgeInSeconds: 900 } }],
  ] as const)('every direct shrink of a %s scenario is no larger', (_name, options: ScenarioOptions) => {
    const arbitrary = scenario(options);
    for (let seed = 0; seed < runs(12, 300); seed++) {
      const root = arbitrary.generate(new fc.Random(xoroshiro128plus(seed)), seed % 2 === 0 ? undefined : 2);
      const rootSize = scenarioSize(root.value);
      let grandchildren = 0;
      for (const child of arbitrary.shrink(root.value, root.context).take(40)) {
        const childSize = scenarioSize(child.value);
        expectNotLarger(childSize, rootSize, `seed ${seed}`);
        if (grandchildren++ % 8 !== 0) continue;
        for (const grandchild of arbitrary.shrink(child.value, child.context).take(15)) {
          expectNotLarger(scenarioSize(grandchild.value), childSize, `seed ${seed}, depth 2`);
        }
      }
    }
  });
});
