import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { environmentOptions, qualifyCheckOptions, SHARED_OPTIONS, type CheckStreamHandlerOptions, type QualifiedCheckOptions, type SharedCheckOptions, type SharedOptionName } from '../../src/run/index.js';
import { registerMatchers, shardcheck, streamTest } from '../../src/vitest/index.js';
import type { ShardcheckProvided } from '../../src/vitest/provided.js';

/*
 * Options parity: every option that is plain data works per call, from the environment and as a
 * plugin default, with one precedence (call > environment > plugin > default); `streamTest` and the
 * matcher hand every option to `checkStreamHandler` unchanged. One case per option per entry point.
 */

const received = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock('../../src/run/checkStreamHandler.js', () => ({
  checkStreamHandler: async (options: Record<string, unknown>) => {
    received.push(options);
    return { runs: 0 };
  },
}));

const handler = async () => {};

/** Per shared option: a value other than its default, another value for the same fields, and the environment text for the value. */
const CASES: Readonly<Record<SharedOptionName, { value: unknown; other: unknown; env?: string }>> = {
  numRuns: { value: 7, other: 9, env: '7' },
  seed: { value: 123, other: 456, env: '123' },
  timeBudgetMs: { value: 4321, other: 1234, env: '4321' },
  failOnBudget: { value: true, other: false, env: 'true' },
  verbose: { value: true, other: false, env: '1' },
  coverage: { value: true, other: false, env: 'true' },
  disable: { value: { 'age-bound': 'no age limit here' }, other: { 'age-bound': 'another reason' } },
  regressions: { value: 'ci-corpus', other: false, env: 'ci-corpus' },
  table: { value: { partitionKey: 'id' }, other: { partitionKey: 'pk', sortKey: 'sk' } },
  mapping: { value: { batchSize: 10 }, other: { batchSize: 20 } },
  faults: { value: false, other: { invocations: { max: 1 } } },
  scenario: { value: { shardCount: 1 }, other: { shardCount: 2 } },
  survivable: { value: false, other: true },
  suppressHealthChecks: { value: ['vacuous'], other: ['flaky'] },
  deployment: { value: fileURLToPath(new URL('../../fixtures/handlers/realWorld/sqsForwarder.template.yaml', import.meta.url)), other: fileURLToPath(new URL('../../fixtures/handlers/realWorld/esSync.serverless.yml', import.meta.url)) },
};

const ENV_NAMES: Partial<Record<SharedOptionName, string>> = {
  numRuns: 'SHARDCHECK_NUM_RUNS',
  seed: 'SHARDCHECK_SEED',
  timeBudgetMs: 'SHARDCHECK_TIME_BUDGET_MS',
  failOnBudget: 'SHARDCHECK_FAIL_ON_BUDGET',
  verbose: 'SHARDCHECK_VERBOSE',
  coverage: 'SHARDCHECK_COVERAGE',
  regressions: 'SHARDCHECK_REGRESSIONS',
};

/** What a check does with its options, as comparable data. */
function effect(q: QualifiedCheckOptions): unknown {
  return {
    numRuns: q.numRuns,
    seed: q.seed,
    timeBudgetMs: q.timeBudgetMs,
    failOnBudget: q.failOnBudget,
    verbose: q.verbose,
    coverage: q.coverage,
    disable: q.disable,
    regressions: q.regressions,
    suppressHealthChecks: q.suppressHealthChecks,
    pinnedMapping: q.pinnedMapping,
    pinnedTable: q.pinnedTable,
    fingerprint: q.fingerprint,
  };
}

const qualify = (call: object, env: Record<string, unknown> = {}, plugin: Record<string, unknown> = {}) =>
  effect(qualifyCheckOptions({ handler, ...call } as CheckStreamHandlerOptions, { cwd: '/project', env, plugin }));

/** Runs the plugin as vitest would: its provided defaults, then the setup file's hand-over. */
function pluginDefaults(options: SharedCheckOptions): Record<string, unknown> {
  let provided: ShardcheckProvided | undefined;
  const plugin = shardcheck(options) as { configureVitest: (context: unknown) => void };
  plugin.configureVitest({ vitest: { config: {} }, project: { provide: (_key: string, value: ShardcheckProvided) => (provided = value) } });
  return provided!.defaults as Record<string, unknown>;
}

describe('every shared option has a case', () => {
  it('the table covers SHARED_OPTIONS exactly, and the environment names documented', () => {
    expect(Object.keys(CASES).sort()).toEqual([...SHARED_OPTIONS].sort());
  });
});

describe.each(SHARED_OPTIONS)('option %s', (name) => {
  const { value, other, env } = CASES[name];
  const set = (v: unknown) => ({ [name]: v });

  it('per call: takes effect', () => {
    expect(qualify(set(value))).not.toEqual(qualify({}));
  });

  it('as a plugin default: the same effect as per call', () => {
    expect(qualify({}, {}, pluginDefaults(set(value)))).toEqual(qualify(set(value)));
  });

  if (env !== undefined) {
    it(`from the environment (${ENV_NAMES[name]}): the same effect as per call`, () => {
      expect(qualify({}, environmentOptions({ [ENV_NAMES[name]!]: env }))).toEqual(qualify(set(value)));
    });
  }

  it('precedence: call > environment > plugin > default', () => {
    expect(qualify(set(value), set(other), set(other))).toEqual(qualify(set(value)));
    expect(qualify({}, set(value), set(other))).toEqual(qualify(set(value)));
    expect(qualify({}, {}, set(value))).toEqual(qualify(set(value)));
  });

  it('streamTest and the matcher hand it to checkStreamHandler unchanged', async () => {
    received.length = 0;
    registerMatchers();
    await expect(handler).toSurviveStreamFaults(set(value) as never);
    expect(received.at(-1)).toEqual({ handler, ...set(value) });
  });
});

// streamTest registers tests at collection time: one per option, checked after they ran.
describe('streamTest', () => {
  for (const name of SHARED_OPTIONS) streamTest(`forwards ${name}`, { handler, [name]: CASES[name].value } as never);
  afterAll(() => {
    const forwarded = received.filter((options) => !('createHandler' in options) && Object.keys(options).length === 2);
    for (const name of SHARED_OPTIONS) expect(forwarded.some((options) => JSON.stringify(options[name]) === JSON.stringify(CASES[name].value)), name).toBe(true);
  });
});

describe('the plugin', () => {
  it('refuses functions and unknown options with the option named', () => {
    expect(() => shardcheck({ numruns: 5 } as never)).toThrow(/^shardcheck\(\)\.numruns is not a known option; valid options are numRuns, /);
    expect(() => shardcheck({ table: () => 1 } as never)).toThrow(/^shardcheck\(\)\.table must be plain data/);
  });
});
