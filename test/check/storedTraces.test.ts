import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STORED_TRACES, type StoredVerdict } from '../../fixtures/traces/catalog.js';
import { check } from '../../src/check/index.js';
import { simulate } from '../../src/mapping/index.js';
import { buildModel } from '../../src/model/index.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';
import { parseTrace, serializeTrace } from '../../src/trace/index.js';

/*
 * Stored traces (issue 4, "Trustworthiness" 4): a few interesting runs saved under
 * fixtures/traces/ are re-checked on every test run. The checker must still reach the stored
 * verdict on the stored trace, and the simulator must still produce that trace, byte for byte,
 * from the stored scenario: neither can change what the other is held to without a deliberate
 * `npx tsx fixtures/traces/regenerate.ts`.
 */

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/traces');
const read = (file: string): string => readFileSync(join(DIR, file), 'utf8');

describe('stored traces', () => {
  it('there are 3 to 5 of them, each under its own name', () => {
    expect(STORED_TRACES.length).toBeGreaterThanOrEqual(3);
    expect(STORED_TRACES.length).toBeLessThanOrEqual(5);
    expect(new Set(STORED_TRACES.map((e) => e.name)).size).toBe(STORED_TRACES.length);
  });

  for (const entry of STORED_TRACES) {
    describe(entry.name, () => {
      const scenario = JSON.parse(read(`${entry.name}.scenario.json`)) as ScenarioParameters;
      const text = read(`${entry.name}.json`);
      const stored = JSON.parse(read(`${entry.name}.verdict.json`)) as StoredVerdict;

      it('the checker reaches the stored verdict on the stored trace', () => {
        const verdict = check(parseTrace(text), buildModel(scenario));
        const invariants = [...new Set(verdict.anomalies.map((a) => a.invariant))].sort();
        expect({ valid: verdict.valid, kind: verdict.kind, invariants }).toEqual(stored);
        expect(stored.invariants).toEqual([...entry.expected].sort());
      });

      it('the stored scenario reproduces the stored trace byte for byte', async () => {
        expect(serializeTrace(await simulate(scenario, entry.handler()))).toBe(text);
      });

      it('the stored scenario is the catalog entry (regenerate after editing the catalog)', () => {
        expect(scenario).toEqual(entry.scenario);
      });
    });
  }
});
