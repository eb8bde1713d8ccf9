import { describe, expect, it } from 'vitest';
import { qualifyCheckOptions, type CheckStreamHandlerOptions } from '../../src/run/index.js';
import { errorMessage } from '../support/errorMessage.js';
import { TABLE } from './support.js';

const handler = async () => {};
const qualify = (options: unknown) => qualifyCheckOptions(options as CheckStreamHandlerOptions, '/project');

describe('qualifyCheckOptions', () => {
  it('applies the defaults and freezes the result', () => {
    const q = qualify({ handler, table: TABLE });
    expect(q.numRuns).toBe(100);
    expect(q.verbose).toBe(false);
    expect(q.coverage).toBe(false);
    expect(q.seed).toBeUndefined();
    expect(q.timeBudgetMs).toBe(120_000);
    expect(q.budgetSource).toBe('default');
    expect(q.failOnBudget).toBe(false);
    expect(q.suppressHealthChecks).toEqual([]);
    expect(q.regressions).toBe('/project/.shardcheck/repl');
    expect(q.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(Object.isFrozen(q)).toBe(true);
    expect(q.deps()).toEqual({});
  });

  it('verbose implies the coverage summary', () => {
    expect(qualify({ handler, coverage: true }).coverage).toBe(true);
    expect(qualify({ handler, verbose: true }).coverage).toBe(true);
    expect(qualify({ handler, verbose: false, coverage: false }).coverage).toBe(false);
  });

  it('keys the corpus by name, else by the test (file and full name), else by the script; and can turn it off', () => {
    expect(qualify({ handler, name: 'orders-projection', regressions: 'corpus' }).regressions).toBe('/project/corpus/orders-projection');
    expect(qualify({ handler, regressions: false }).regressions).toBeUndefined();
    const test = { runner: 'vitest', file: 'test/orders.test.ts', names: ['orders', 'keeps the newest image'], timeoutMs: 5000, signal: undefined } as const;
    const inTest = qualifyCheckOptions({ handler } as CheckStreamHandlerOptions, { cwd: '/project', test });
    expect(inTest.regressions).toMatch(/^\/project\/\.shardcheck\/test-orders\.test\.ts\/orders-keeps-the-newest-image-[0-9a-f]{8}$/);
    expect(inTest.identity.label).toBe('test/orders.test.ts > orders keeps the newest image');
    expect(inTest.timeBudgetMs).toBe(5000);
    expect(inTest.budgetSource).toBe('test timeout');
    // Anonymous factories in two tests no longer share a folder.
    const other = qualifyCheckOptions({ createHandler: () => handler } as CheckStreamHandlerOptions, { cwd: '/project', test: { ...test, names: ['orders', 'drops nothing'] } });
    expect(other.regressions).not.toBe(inTest.regressions);
    const script = qualifyCheckOptions({ handler } as CheckStreamHandlerOptions, { cwd: '/project', script: '/project/scripts/check orders.mjs' });
    expect(script.regressions).toBe('/project/.shardcheck/scripts-check-orders.mjs');
  });

  it('fingerprints what shapes the scenarios, not what only runs them', () => {
    const fp = (o: object) => qualify({ handler, ...o }).fingerprint;
    expect(fp({ numRuns: 5, seed: 3, verbose: true })).toBe(fp({}));
    expect(fp({ mapping: { batchSize: 10 } })).not.toBe(fp({}));
    expect(fp({ mapping: { batchSize: 10 } })).toBe(fp({ mapping: { batchSize: 10 } }));
    expect(fp({ table: TABLE })).not.toBe(fp({}));
    expect(fp({ faults: false })).not.toBe(fp({}));
    expect(fp({ survivable: false })).not.toBe(fp({}));
    expect(fp({ scenario: { shardCount: 1 } })).not.toBe(fp({}));
  });

  it('layers each shared option: call, then environment, then plugin, then default; objects merge field by field', () => {
    const q = qualifyCheckOptions({ handler, numRuns: 7, mapping: { batchSize: 10 } } as CheckStreamHandlerOptions, {
      cwd: '/project',
      env: { numRuns: 8, seed: 9, verbose: true },
      plugin: { numRuns: 9, seed: 10, timeBudgetMs: 2000, mapping: { startingPosition: 'TRIM_HORIZON', batchSize: 1 } },
    });
    expect(q.numRuns).toBe(7);
    expect(q.seed).toBe(9);
    expect(q.verbose).toBe(true);
    expect(q.timeBudgetMs).toBe(2000);
    expect(q.pinnedMapping).toEqual(['startingPosition', 'batchSize']);
    expect(q.sources).toMatchObject({ numRuns: 'call', seed: 'environment', verbose: 'environment', timeBudgetMs: 'plugin', mapping: 'call' });
  });

  it('rejects bad values with api: rule (got value)', () => {
    expect(errorMessage(() => qualify({ handler, numRuns: 0 }))).toBe('checkStreamHandler.numRuns must be a positive integer (got 0)');
    expect(errorMessage(() => qualify({ handler, seed: 1.5 }))).toBe('checkStreamHandler.seed must be a 32-bit integer (got 1.5)');
    expect(errorMessage(() => qualify({ handler, path: 'x' }))).toBe('checkStreamHandler.path must be a fast-check path like "12:0:3" (got "x")');
    expect(errorMessage(() => qualify({ handler, deps: {} }))).toBe('checkStreamHandler.deps must be a function (got {})');
    expect(errorMessage(() => qualify({ handler, timeBudgetMs: -1 }))).toBe('checkStreamHandler.timeBudgetMs must be a positive integer (got -1)');
    expect(errorMessage(() => qualify({ handler, coverage: 'yes' }))).toBe('checkStreamHandler.coverage must be true or false (got "yes")');
    expect(errorMessage(() => qualify({ handler, regressions: 3 }))).toBe('checkStreamHandler.regressions must be a directory path or false (got 3)');
    expect(errorMessage(() => qualify({ handler, name: '../x' }))).toMatch(/^checkStreamHandler\.name must be 1\.\.100 characters/);
    expect(errorMessage(() => qualify({ handler, failOnBudget: 1 }))).toBe('checkStreamHandler.failOnBudget must be true or false (got 1)');
    expect(errorMessage(() => qualify({ handler, suppressHealthChecks: ['slow'] }))).toBe('checkStreamHandler.suppressHealthChecks must be an array of "vacuous", "flaky" (got ["slow"])');
  });

  it('names the valid options when one is unknown, with the camelCase hint', () => {
    expect(errorMessage(() => qualify({ handler, numruns: 5 }))).toMatch(/^checkStreamHandler\.numruns is not a known option; valid options are createHandler, handler, deps, /);
    expect(errorMessage(() => qualify({ handler, NumRuns: 5 }))).toBe('checkStreamHandler.NumRuns is not a known option; use camelCase: numRuns');
  });

  it('wants exactly one of handler and createHandler', () => {
    expect(errorMessage(() => qualify({}))).toMatch(/give exactly one of createHandler .* and handler .*\(got neither\)$/);
    expect(errorMessage(() => qualify({ handler, createHandler: () => handler }))).toMatch(/\(got both\)$/);
    expect(errorMessage(() => qualify({ handler: 'nope' }))).toBe('checkStreamHandler.handler must be a function (event, context) => response (got "nope")');
  });

  it('requires a reason for each disabled invariant, and a known invariant name', () => {
    expect(qualify({ handler, disable: { 'age-bound': 'we have no age limit' } }).disable).toEqual({ 'age-bound': 'we have no age limit' });
    expect(errorMessage(() => qualify({ handler, disable: { 'age-bound': ' ' } }))).toBe('checkStreamHandler.disable.age-bound must be a non-empty reason string (got " ")');
    expect(errorMessage(() => qualify({ handler, disable: { 'no-such': 'x' } }))).toMatch(/^checkStreamHandler\.disable\.no-such is not a known option; valid options are batch-limits, /);
  });

  it('validates table, mapping and scenario passthrough with their own paths', () => {
    expect(errorMessage(() => qualify({ handler, mapping: { batchSize: 0 } }))).toMatch(/^checkStreamHandler\.mapping\.batchSize /);
    expect(errorMessage(() => qualify({ handler, table: { partitionKey: '' } }))).toMatch(/^checkStreamHandler\.table/);
    expect(errorMessage(() => qualify({ handler, scenario: { mapping: {} } }))).toBe('checkStreamHandler.scenario.mapping is not allowed; use checkStreamHandler.mapping');
  });
});
