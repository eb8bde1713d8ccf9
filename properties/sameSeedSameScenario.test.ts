import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeSequence, faultSchedule, itemAttributes, mappingConfig, scenario } from '../src/arbitraries/index.js';
import { stableJson } from './support/stableJson.js';

/*
 * Same seed ⇒ same scenario, in this process and in a fresh one: the faker vocabulary and every
 * other choice come from fast-check's random stream only.
 */

const SEEDS = [0, 1, 42, 20_260_101, -7];

describe('same seed, same scenario', () => {
  it.each([
    ['scenario', scenario()],
    ['scenario (no swarm, not survivable)', scenario({ swarm: false, survivable: false })],
    ['changeSequence', changeSequence({ partitionKey: 'pk', sortKey: { name: 'sk', type: 'N' } }, { largeItems: true })],
    ['itemAttributes', itemAttributes()],
    ['mappingConfig', mappingConfig({}, { swarm: true })],
    ['faultSchedule', faultSchedule({ swarm: true, mapping: { maximumRetryAttempts: 2 } })],
  ] as const)('%s: sampling twice with one seed gives identical values', (_name, arbitrary: fc.Arbitrary<unknown>) => {
    for (const seed of SEEDS) {
      const first = stableJson(fc.sample(arbitrary, { seed, numRuns: 15 }));
      const second = stableJson(fc.sample(arbitrary, { seed, numRuns: 15 }));
      expect(second).toBe(first);
    }
  });

  it('different seeds give different scenarios', () => {
    const a = stableJson(fc.sample(scenario(), { seed: 1, numRuns: 5 }));
    const b = stableJson(fc.sample(scenario(), { seed: 2, numRuns: 5 }));
    expect(a).not.toBe(b);
  });

  it('a fresh process generates the same scenarios, byte for byte', async () => {
    const script = fileURLToPath(new URL('./support/printScenarios.ts', import.meta.url));
    const root = fileURLToPath(new URL('../', import.meta.url));
    const child = promisify(execFile)(process.execPath, ['--import', 'tsx', script], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 20_000 });
    // Build other vocabularies first, so the comparison also shows that build order does not matter.
    fc.sample(itemAttributes(), { seed: 99, numRuns: 50 });
    const inProcess = stableJson(fc.sample(scenario(), { seed: 42, numRuns: 10 }));
    const { stdout, stderr } = await child;
    expect(stderr).toBe('');
    expect(stdout).toBe(inProcess);
  }, 30_000);
});
