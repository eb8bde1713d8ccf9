import { optionError, readObject, ShardcheckError } from '../core/index.js';
import { seedFromText } from './resolveSeed.js';

/**
 * The options that can also come from the environment or a test-runner plugin: plain data, no
 * functions. One precedence for every entry point: the call's own option, then the environment,
 * then the plugin's default, then shardcheck's default. Object options (`mapping`, `scenario`,
 * `disable`) merge field by field in that order; `table` and `faults` are taken whole.
 */
export const SHARED_OPTIONS = [
  'numRuns', 'seed', 'timeBudgetMs', 'failOnBudget', 'verbose', 'coverage', 'disable', 'regressions',
  'table', 'mapping', 'faults', 'scenario', 'survivable', 'suppressHealthChecks', 'deployment',
] as const;

export type SharedOptionName = (typeof SHARED_OPTIONS)[number];

const MERGED: readonly SharedOptionName[] = ['mapping', 'scenario', 'disable'];

/** Environment variables and the option each sets. */
export const ENV_OPTIONS: Readonly<Record<string, SharedOptionName>> = {
  SHARDCHECK_SEED: 'seed',
  SHARDCHECK_NUM_RUNS: 'numRuns',
  SHARDCHECK_TIME_BUDGET_MS: 'timeBudgetMs',
  SHARDCHECK_FAIL_ON_BUDGET: 'failOnBudget',
  SHARDCHECK_VERBOSE: 'verbose',
  SHARDCHECK_COVERAGE: 'coverage',
  SHARDCHECK_REGRESSIONS: 'regressions',
};

/** Where each effective option came from (shown by `verbose` and in the run summary). */
export type OptionSource = 'call' | 'environment' | 'plugin';

let pluginDefaults: Readonly<Record<string, unknown>> = {};

/** The vitest plugin's setup file hands its defaults over once per test file. */
export function setPluginDefaults(defaults: Readonly<Record<string, unknown>> | undefined): void {
  pluginDefaults = defaults === undefined ? {} : { ...readObject('shardcheck plugin options', defaults) };
}

export function currentPluginDefaults(): Readonly<Record<string, unknown>> {
  return pluginDefaults;
}

/** The options of `SHARDCHECK_*` variables that are set (blank counts as unset). */
export function environmentOptions(env: NodeJS.ProcessEnv): Record<string, unknown> {
  if (env.SHARDCHECK_PATH !== undefined && env.SHARDCHECK_PATH.trim() !== '') {
    throw new ShardcheckError(`SHARDCHECK_PATH is no longer read (got ${JSON.stringify(env.SHARDCHECK_PATH)}); paste the report's replay line instead, it sets SHARDCHECK_REPLAY`);
  }
  const out: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(ENV_OPTIONS)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    out[option] = readEnvValue(name, option, raw.trim());
  }
  return out;
}

function readEnvValue(name: string, option: SharedOptionName, text: string): unknown {
  switch (option) {
    case 'seed':
      return seedFromText(text);
    case 'numRuns':
    case 'timeBudgetMs':
      if (!/^\d+$/.test(text)) throw optionError(name, 'must be a positive integer', text);
      return Number(text);
    case 'regressions':
      return text === 'false' || text === '0' ? false : text;
    default:
      if (/^(1|true|yes)$/i.test(text)) return true;
      if (/^(0|false|no)$/i.test(text)) return false;
      throw optionError(name, 'must be true or false (or 1 / 0)', text);
  }
}

/** The options after layering, and where each shared one came from. */
export function layerOptions<T extends Record<string, unknown>>(call: T, env: Readonly<Record<string, unknown>>, plugin: Readonly<Record<string, unknown>>): { options: T; sources: Partial<Record<SharedOptionName, OptionSource>> } {
  const options: Record<string, unknown> = { ...call };
  const sources: Partial<Record<SharedOptionName, OptionSource>> = {};
  for (const key of SHARED_OPTIONS) {
    const layers: [OptionSource, unknown][] = [['plugin', plugin[key]], ['environment', env[key]], ['call', call[key]]];
    const given = layers.filter(([, v]) => v !== undefined);
    if (given.length === 0) continue;
    const mergeable = MERGED.includes(key) && given.every(([, v]) => typeof v === 'object' && v !== null && !Array.isArray(v));
    options[key] = mergeable ? Object.assign({}, ...given.map(([, v]) => v)) : given.at(-1)![1];
    sources[key] = given.at(-1)![0];
  }
  return { options: options as T, sources };
}
