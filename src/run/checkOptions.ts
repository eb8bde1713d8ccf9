import { resolve } from 'node:path';
import type fc from 'fast-check';
import { scenario, type ScenarioOptions } from '../arbitraries/index.js';
import { INVARIANTS, retiredInvariantMessage, type InvariantName } from '../check/index.js';
import { deepFreeze, optionError, readBoolean, readInteger, readObject, rejectUnknownOptions, ShardcheckError } from '../core/index.js';
import type { EnvironmentInfo, StreamHandler } from '../mapping/index.js';
import type { Model } from '../model/index.js';
import { resolveMappingConfig, type MappingParameters, type ScenarioParameters } from '../scenario/index.js';
import { resolveTableSpec, type TableParameters } from '../table/index.js';
import type { Trace } from '../trace/index.js';
import { applyDeployment, type AppliedDeployment, type DeploymentOption } from '../deploy/index.js';
import { DEFAULT_BUDGET_MS, type BudgetSource } from './Budget.js';
import { checkIdentity, type CheckIdentity } from './checkIdentity.js';
import { layerOptions, type OptionSource, type SharedOptionName } from './optionLayers.js';
import { optionsFingerprint } from './optionsFingerprint.js';
import type { TestContext } from './testContext.js';

/** What the user's invariant sees after each run. */
export interface InvariantContext<D> {
  /** The real deps object of this run (not the fault-injecting proxy), to inspect state. */
  readonly deps: D;
  readonly model: Model;
  readonly trace: Trace;
}

/** Scenario options that `checkStreamHandler` passes through (the rest have their own option). */
export type ExtraScenarioOptions = Omit<ScenarioOptions, 'table' | 'mapping' | 'faults' | 'survivable'>;

/** Health checks a campaign runs on itself (see `suppressHealthChecks`). */
export type HealthCheck = 'vacuous' | 'flaky';
export const HEALTH_CHECKS: readonly HealthCheck[] = ['vacuous', 'flaky'];

/**
 * The options that may also be set by the environment (`SHARDCHECK_*`) or as defaults by the vitest
 * plugin: plain data. Precedence: the call, then the environment, then the plugin, then the default.
 */
export interface SharedCheckOptions {
  /** Default 100; env `SHARDCHECK_NUM_RUNS`. */
  numRuns?: number;
  /** Campaign seed (32-bit integer); env `SHARDCHECK_SEED` (an integer or any text, e.g. a commit hash). Default random. */
  seed?: number;
  /**
   * Real milliseconds the whole check may take: searching stops at 60 %, shrinking at 90 %, the rest
   * is for the report. Default: the current test's timeout (vitest, jest), else 120000. Env
   * `SHARDCHECK_TIME_BUDGET_MS`.
   */
  timeBudgetMs?: number;
  /** Fail a passing campaign that the time budget cut short. Default false (it passes and says "ran N of M runs"). */
  failOnBudget?: boolean;
  /** Log progress (runs, shrink steps, elapsed), the seed, regression replays and the coverage. Default false. */
  verbose?: boolean;
  /** Print the campaign's coverage when the check ends and add it to a failure report. Default false; `verbose` implies it. */
  coverage?: boolean;
  /** Built-in invariants to switch off, each with a non-empty reason. */
  disable?: Partial<Record<InvariantName, string>>;
  /**
   * Regression corpus directory, or `false` for none. Default `.shardcheck` in the working directory.
   * Each check stores its failing scenarios in a folder of its own (its test file and name, or its
   * `name`) and replays them first on every later run.
   */
  regressions?: string | false;
  /** The table; generated per run when absent. */
  table?: TableParameters;
  /** Mapping fields to fix (AWS names, camelCase); the rest varies per run. */
  mapping?: MappingParameters;
  /** Fault shape (see `scenario`'s `faults`), or `false` for none. Default: every fault kind, swarm-selected. */
  faults?: ScenarioOptions['faults'];
  /** More scenario options (operations, shardCount, topology, timing, ...). */
  scenario?: ExtraScenarioOptions;
  /** Default true: only faults a correct handler survives. */
  survivable?: boolean;
  /** Health checks to switch off: `vacuous` (nothing was ever delivered), `flaky` (the counterexample did not fail again). */
  suppressHealthChecks?: readonly HealthCheck[];
  /**
   * The deployment to check: a CloudFormation/SAM template, a serverless.yml or a CDK template (or
   * `cdk.out`), relative to the working directory, or `{ file, select, parameters }` (see
   * `readDeployment`). Its mapping pins every field, so nothing you did not deploy is generated;
   * `mapping` fields override it; its table is used unless `table` is given; its function's timeout
   * and memory unless `scenario.function` gives them.
   */
  deployment?: DeploymentOption;
}

/** Options of `checkStreamHandler`. Exactly one of `createHandler` and `handler`. */
export interface CheckStreamHandlerOptions<D extends object = object> extends SharedCheckOptions {
  /** Called once per simulated execution environment (cold start) with the fault-injecting proxy of this run's deps. */
  createHandler?: (deps: D, env: EnvironmentInfo) => StreamHandler | Promise<StreamHandler>;
  /**
   * One handler instance for every run; its module state is never reset. It never sees a proxy,
   * so the objects `deps` returns (typically ones the handler's module holds, such as a module-level
   * `DynamoDBDocumentClient`) get dependency faults attached in place for each run and removed after.
   */
  handler?: StreamHandler;
  /** Fresh downstream per run. Default `() => ({})`. */
  deps?: () => D;
  /** Checked after the built-in invariants; an exception fails the run. */
  invariant?: (context: InvariantContext<D>) => void | Promise<void>;
  /**
   * Names this check (its corpus folder and replay identity). Default: the current test (file and
   * full name), else the script. Two checks of one test need distinct names.
   */
  name?: string;
  /** Replay one counterexample: fast-check path of the campaign `seed` (the report's replay line is easier). */
  path?: string;
}

/** Validated options with defaults applied; everything after `qualifyCheckOptions` takes this. */
export interface QualifiedCheckOptions<D extends object = object> {
  readonly target: { readonly kind: 'factory'; readonly createHandler: NonNullable<CheckStreamHandlerOptions<D>['createHandler']> } | { readonly kind: 'handler'; readonly handler: StreamHandler };
  readonly deps: () => D;
  readonly invariant: CheckStreamHandlerOptions<D>['invariant'];
  readonly arbitrary: fc.Arbitrary<ScenarioParameters>;
  readonly numRuns: number;
  readonly seed: number | undefined;
  readonly path: string | undefined;
  readonly timeBudgetMs: number;
  readonly budgetSource: BudgetSource;
  readonly failOnBudget: boolean;
  readonly verbose: boolean;
  readonly coverage: boolean;
  readonly disable: Readonly<Partial<Record<InvariantName, string>>>;
  /** The corpus folder of this check, or undefined when off. */
  readonly regressions: string | undefined;
  readonly suppressHealthChecks: readonly HealthCheck[];
  /** Mapping fields the user fixed (the rest are generated). */
  readonly pinnedMapping: readonly (keyof MappingParameters)[];
  /** Whether the table was fixed (by the user or the deployment). */
  readonly pinnedTable: boolean;
  /** The deployment read from `deployment`, with its warnings. */
  readonly deployment: AppliedDeployment | undefined;
  readonly identity: CheckIdentity;
  /** 8 hex digits of what shapes the generated scenarios (see `optionsFingerprint`). */
  readonly fingerprint: string;
  readonly test: TestContext | undefined;
  /** Where each shared option came from. */
  readonly sources: Readonly<Partial<Record<SharedOptionName, OptionSource>>>;
}

/** What qualifying reads besides the options: where the check runs. */
export interface CheckSite {
  readonly cwd: string;
  readonly test?: TestContext | undefined;
  /** The script run outside a test runner (`process.argv[1]`). */
  readonly script?: string | undefined;
  /** `SHARDCHECK_*` options already read (see `environmentOptions`). */
  readonly env?: Readonly<Record<string, unknown>>;
  /** The vitest plugin's defaults. */
  readonly plugin?: Readonly<Record<string, unknown>>;
}

const API = 'checkStreamHandler';
const KNOWN: readonly (keyof CheckStreamHandlerOptions)[] = [
  'createHandler', 'handler', 'deps', 'table', 'mapping', 'faults', 'invariant', 'numRuns', 'seed', 'path', 'timeBudgetMs', 'failOnBudget',
  'verbose', 'coverage', 'disable', 'regressions', 'name', 'scenario', 'survivable', 'suppressHealthChecks', 'deployment',
];

/** Validates `checkStreamHandler` options once; errors read `checkStreamHandler.option rule (got value)`. */
export function qualifyCheckOptions<D extends object>(options: CheckStreamHandlerOptions<D>, site: CheckSite | string): QualifiedCheckOptions<D> {
  const where: CheckSite = typeof site === 'string' ? { cwd: site } : site;
  const given = readObject(API, options) as CheckStreamHandlerOptions<D>;
  rejectUnknownOptions(API, given, KNOWN);
  const { options: o, sources } = layerOptions(given as Record<string, unknown>, where.env ?? {}, where.plugin ?? {}) as { options: CheckStreamHandlerOptions<D>; sources: QualifiedCheckOptions['sources'] };
  const target = readTarget(o);
  const fn = (key: 'deps' | 'invariant', value: unknown): void => {
    if (value !== undefined && typeof value !== 'function') throw optionError(`${API}.${key}`, 'must be a function', value);
  };
  fn('deps', o.deps);
  fn('invariant', o.invariant);
  const shaping = readShaping(o, where.cwd);
  const name = o.name === undefined ? undefined : readName(o.name);
  const identity = checkIdentity(name, where.test, where.cwd, where.script);
  const budget = readBudget(o.timeBudgetMs, where.test);
  return Object.freeze({
    target,
    deps: o.deps ?? (() => ({}) as D),
    invariant: o.invariant,
    arbitrary: scenario(shaping.scenarioOptions),
    numRuns: o.numRuns === undefined ? 100 : readInteger(`${API}.numRuns`, o.numRuns, 1, Number.MAX_SAFE_INTEGER, 'must be a positive integer'),
    seed: o.seed === undefined ? undefined : readInteger(`${API}.seed`, o.seed, -0x80000000, 0xffffffff, 'must be a 32-bit integer'),
    path: o.path === undefined ? undefined : readPath(o.path),
    timeBudgetMs: budget.ms,
    budgetSource: budget.source,
    failOnBudget: o.failOnBudget === undefined ? false : readBoolean(`${API}.failOnBudget`, o.failOnBudget),
    verbose: o.verbose === undefined ? false : readBoolean(`${API}.verbose`, o.verbose),
    coverage: (o.coverage === undefined ? false : readBoolean(`${API}.coverage`, o.coverage)) || o.verbose === true,
    disable: deepFreeze(readDisable(o.disable)),
    regressions: readRegressions(o.regressions, where.cwd, identity.folder),
    suppressHealthChecks: readSuppressed(o.suppressHealthChecks),
    pinnedMapping: Object.freeze(Object.keys(shaping.scenarioOptions.mapping ?? {}) as (keyof MappingParameters)[]),
    pinnedTable: shaping.scenarioOptions.table !== undefined,
    deployment: shaping.deployment,
    identity,
    fingerprint: optionsFingerprint(shaping.fingerprinted),
    test: where.test,
    sources: Object.freeze(sources),
  });
}

/**
 * The options that shape the generated scenarios: validated, as the arbitrary's options and as
 * fingerprint input. A deployment pins the whole mapping (the user's fields on top), and its table
 * and function unless the user gives them.
 */
function readShaping(o: SharedCheckOptions, cwd: string): { scenarioOptions: ScenarioOptions; fingerprinted: Record<string, unknown>; deployment: AppliedDeployment | undefined } {
  if (o.table !== undefined) resolveTableSpec(o.table, `${API}.table`);
  if (o.mapping !== undefined) resolveMappingConfig(o.mapping, `${API}.mapping`);
  const extra = o.scenario === undefined ? {} : (readObject(`${API}.scenario`, o.scenario) as ExtraScenarioOptions);
  for (const key of ['table', 'mapping', 'faults', 'survivable']) {
    if (key in extra) throw new ShardcheckError(`${API}.scenario.${key} is not allowed; use ${API}.${key}`);
  }
  const survivable = o.survivable === undefined ? true : readBoolean(`${API}.survivable`, o.survivable);
  const overrides = { ...(o.table === undefined ? {} : { table: o.table }), ...(o.mapping === undefined ? {} : { mapping: o.mapping }), ...(extra.function === undefined ? {} : { function: extra.function }) };
  const deployment = o.deployment === undefined ? undefined : applyDeployment(inCwd(o.deployment, cwd), overrides, `${API}.deployment`);
  const table = deployment === undefined ? o.table : deployment.table;
  const mapping = deployment === undefined ? o.mapping : deployment.mapping;
  const scenarioOptions: ScenarioOptions = { ...extra, survivable, faults: o.faults ?? {} };
  if (table !== undefined) scenarioOptions.table = table;
  if (mapping !== undefined) scenarioOptions.mapping = mapping;
  if (deployment?.function !== undefined) scenarioOptions.function = deployment.function;
  return { scenarioOptions, deployment, fingerprinted: { table, mapping, function: scenarioOptions.function, faults: o.faults ?? {}, survivable, scenario: extra } };
}

function inCwd(option: DeploymentOption, cwd: string): DeploymentOption {
  if (typeof option === 'string') return resolve(cwd, option);
  if (typeof option === 'object' && option !== null && typeof option.file === 'string') return { ...option, file: resolve(cwd, option.file) };
  return option;
}

function readBudget(value: unknown, test: TestContext | undefined): { ms: number; source: BudgetSource } {
  if (value !== undefined) return { ms: readInteger(`${API}.timeBudgetMs`, value, 1, Number.MAX_SAFE_INTEGER, 'must be a positive integer'), source: 'option' };
  if (test?.timeoutMs !== undefined) return { ms: test.timeoutMs, source: 'test timeout' };
  return { ms: DEFAULT_BUDGET_MS, source: 'default' };
}

function readTarget<D extends object>(o: CheckStreamHandlerOptions<D>): QualifiedCheckOptions<D>['target'] {
  if ((o.createHandler === undefined) === (o.handler === undefined)) {
    throw new ShardcheckError(`${API}: give exactly one of createHandler (a factory called per execution environment) and handler (got ${o.createHandler === undefined ? 'neither' : 'both'})`);
  }
  if (o.createHandler !== undefined) {
    if (typeof o.createHandler !== 'function') throw optionError(`${API}.createHandler`, 'must be a function (deps) => handler', o.createHandler);
    return { kind: 'factory', createHandler: o.createHandler };
  }
  if (typeof o.handler !== 'function') throw optionError(`${API}.handler`, 'must be a function (event, context) => response', o.handler);
  return { kind: 'handler', handler: o.handler };
}

function readDisable(value: unknown): Partial<Record<InvariantName, string>> {
  if (value === undefined) return {};
  const d = readObject(`${API}.disable`, value);
  for (const key of Object.keys(d)) {
    const retired = retiredInvariantMessage(`${API}.disable`, key);
    if (retired !== undefined) throw new ShardcheckError(retired);
  }
  const names = INVARIANTS.map((i) => i.name);
  rejectUnknownOptions(`${API}.disable`, d, names);
  for (const [key, reason] of Object.entries(d)) {
    if (typeof reason !== 'string' || reason.trim() === '') throw optionError(`${API}.disable.${key}`, 'must be a non-empty reason string', reason);
  }
  return { ...(d as Partial<Record<InvariantName, string>>) };
}

function readSuppressed(value: unknown): readonly HealthCheck[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => !HEALTH_CHECKS.includes(v as HealthCheck))) {
    throw optionError(`${API}.suppressHealthChecks`, `must be an array of ${HEALTH_CHECKS.map((h) => JSON.stringify(h)).join(', ')}`, value);
  }
  return Object.freeze([...new Set(value as HealthCheck[])]);
}

function readPath(value: unknown): string {
  if (typeof value !== 'string' || !/^\d+(:\d+)*$/.test(value)) throw optionError(`${API}.path`, 'must be a fast-check path like "12:0:3"', value);
  return value;
}

function readName(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(value)) {
    throw optionError(`${API}.name`, 'must be 1..100 characters of letters, digits, ".", "_" or "-", starting with a letter or digit', value);
  }
  return value;
}

function readRegressions(value: unknown, cwd: string, folder: string): string | undefined {
  if (value === false) return undefined;
  const dir = value === undefined ? '.shardcheck' : value;
  if (typeof dir !== 'string' || dir === '') throw optionError(`${API}.regressions`, 'must be a directory path or false', value);
  return resolve(cwd, dir, folder);
}
