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
    expect(q.regressions).toMatch(/^\/project\/\.shardcheck\/handler-[0-9a-f]{8}$/);
    expect(Object.isFrozen(q)).toBe(true);
    expect(q.deps()).toEqual({});
  });

  it('verbose implies the coverage summary', () => {
    expect(qualify({ handler, coverage: true }).coverage).toBe(true);
    expect(qualify({ handler, verbose: true }).coverage).toBe(true);
    expect(qualify({ handler, verbose: false, coverage: false }).coverage).toBe(false);
  });

  it('keys the corpus by name, and can turn it off', () => {
    expect(qualify({ handler, name: 'orders-projection', regressions: 'corpus' }).regressions).toBe('/project/corpus/orders-projection');
    expect(qualify({ handler, regressions: false }).regressions).toBeUndefined();
    expect(qualify({ createHandler: function createOrders() { return handler; } }).name).toBe('createOrders-any-table');
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
