import { resolve } from 'node:path';
import type fc from 'fast-check';
import { scenario, type ScenarioOptions } from '../arbitraries/index.js';
import { INVARIANTS, type InvariantName } from '../check/index.js';
import { deepFreeze, fnv1a32, optionError, readBoolean, readInteger, readObject, rejectUnknownOptions, ShardcheckError } from '../core/index.js';
import type { EnvironmentInfo, StreamHandler } from '../mapping/index.js';
import type { Model } from '../model/index.js';
import { resolveMappingConfig, type MappingParameters, type ScenarioParameters } from '../scenario/index.js';
import { resolveTableSpec, type TableParameters } from '../table/index.js';
import type { Trace } from '../trace/index.js';

/** What the user's invariant sees after each run. */
export interface InvariantContext<D> {
  /** The real deps object of this run (not the fault-injecting proxy), to inspect state. */
  readonly deps: D;
  readonly model: Model;
  readonly trace: Trace;
}

/** Scenario options that `checkStreamHandler` passes through (the rest have their own option). */
export type ExtraScenarioOptions = Omit<ScenarioOptions, 'table' | 'mapping' | 'faults' | 'survivable'>;

/** Options of `checkStreamHandler` (DESIGN §2). Exactly one of `createHandler` and `handler`. */
export interface CheckStreamHandlerOptions<D extends object = object> {
  /** Called once per simulated execution environment (cold start) with the fault-injecting proxy of this run's deps. */
  createHandler?: (deps: D, env: EnvironmentInfo) => StreamHandler | Promise<StreamHandler>;
  /**
   * One handler instance for every run; its module state is never reset. It never sees a proxy,
   * so the objects `deps` returns (typically ones the handler's module holds, such as a module-level
   * `DynamoDBDocumentClient`) get dependency faults attached in place for each run and removed after.
   */
  handler?: StreamHandler;
  /**
   * Fresh downstream per run. A `createHandler` handler gets a fault-injecting proxy; with
   * `handler`, faults are attached to these objects in place. The invariant gets the real object.
   * Default `() => ({})`.
   */
  deps?: () => D;
  /** The table; generated per run when absent. */
  table?: TableParameters;
  /** Mapping fields to fix (AWS names, camelCase); the rest varies per run. */
  mapping?: MappingParameters;
  /** Fault shape (see `scenario`'s `faults`), or `false` for none. Default: every fault kind, swarm-selected. */
  faults?: ScenarioOptions['faults'];
  /** Checked after the built-in invariants; an exception fails the run. */
  invariant?: (context: InvariantContext<D>) => void | Promise<void>;
  /** Default 100. */
  numRuns?: number;
  /** Replay: fast-check seed (32-bit integer); env `SHARDCHECK_SEED`. */
  seed?: number;
  /** Replay: the shrunk counterexample's path (with `seed`); env `SHARDCHECK_PATH`. */
  path?: string;
  /**
   * Real milliseconds after which no new run starts (the campaign then passes with the runs done,
   * `RunSummary.interrupted`); fast-check's `interruptAfterTimeLimit`, so it also ends shrinking.
   */
  timeBudgetMs?: number;
  /** Log each run and the campaign coverage to the console. Default false. */
  verbose?: boolean;
  /**
   * Print the campaign's coverage (which fault kinds, outcomes and mapping behaviours its runs
   * reached, and which none did) when the check ends, and add it to a failure report. Default
   * false; `verbose` implies it.
   */
  coverage?: boolean;
  /** Built-in invariants to switch off, each with a non-empty reason. */
  disable?: Partial<Record<InvariantName, string>>;
  /**
   * Regression corpus directory, or `false` for none. Default `.shardcheck` in `process.cwd()`.
   * Failing scenarios are stored under `<dir>/<name>/` and replayed first on every later call (not
   * when replaying a `path`); a stored scenario stays after it passes, so delete its file once
   * you no longer want it re-checked.
   */
  regressions?: string | false;
  /** Names this check's corpus subdirectory. Default: the handler's name and a hash of `table`. */
  name?: string;
  /** More scenario options (operations, shardCount, topology, timing, ...). */
  scenario?: ExtraScenarioOptions;
  /** Default true: only faults a correct handler survives. */
  survivable?: boolean;
  /** @internal Seed a test runner integration provides (below `seed` and `SHARDCHECK_SEED`). */
  defaultSeed?: number;
  /** @internal The test that runs this check, for the replay line. */
  testFile?: string;
  /** @internal */
  testName?: string;
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
  readonly defaultSeed: number | undefined;
  readonly timeBudgetMs: number | undefined;
  readonly verbose: boolean;
  readonly coverage: boolean;
  readonly disable: Readonly<Partial<Record<InvariantName, string>>>;
  /** The corpus directory of this check (already keyed by `name`), or undefined when off. */
  readonly regressions: string | undefined;
  readonly name: string;
  readonly testFile: string | undefined;
  readonly testName: string | undefined;
}

const API = 'checkStreamHandler';
const KNOWN: readonly (keyof CheckStreamHandlerOptions)[] = [
  'createHandler', 'handler', 'deps', 'table', 'mapping', 'faults', 'invariant', 'numRuns', 'seed', 'path', 'timeBudgetMs',
  'verbose', 'coverage', 'disable', 'regressions', 'name', 'scenario', 'survivable', 'defaultSeed', 'testFile', 'testName',
];

/** Validates `checkStreamHandler` options once; errors read `checkStreamHandler.option rule (got value)`. */
export function qualifyCheckOptions<D extends object>(options: CheckStreamHandlerOptions<D>, cwd: string): QualifiedCheckOptions<D> {
  const o = readObject(API, options) as CheckStreamHandlerOptions<D>;
  rejectUnknownOptions(API, o, KNOWN);
  const target = readTarget(o);
  const fn = (key: 'deps' | 'invariant', value: unknown): void => {
    if (value !== undefined && typeof value !== 'function') throw optionError(`${API}.${key}`, 'must be a function', value);
  };
  fn('deps', o.deps);
  fn('invariant', o.invariant);
  if (o.table !== undefined) resolveTableSpec(o.table, `${API}.table`);
  if (o.mapping !== undefined) resolveMappingConfig(o.mapping, `${API}.mapping`);
  const extra = o.scenario === undefined ? {} : (readObject(`${API}.scenario`, o.scenario) as ExtraScenarioOptions);
  for (const key of ['table', 'mapping', 'faults', 'survivable']) {
    if (key in extra) throw new ShardcheckError(`${API}.scenario.${key} is not allowed; use ${API}.${key}`);
  }
  const survivable = o.survivable === undefined ? true : readBoolean(`${API}.survivable`, o.survivable);
  const scenarioOptions: ScenarioOptions = { ...extra, survivable, faults: o.faults ?? {} };
  if (o.table !== undefined) scenarioOptions.table = o.table;
  if (o.mapping !== undefined) scenarioOptions.mapping = o.mapping;
  const name = o.name === undefined ? defaultName(o) : readName(o.name);
  const seed = (key: 'seed' | 'defaultSeed') => (o[key] === undefined ? undefined : readInteger(`${API}.${key}`, o[key], -0x80000000, 0xffffffff, 'must be a 32-bit integer'));
  return Object.freeze({
    target,
    deps: o.deps ?? (() => ({}) as D),
    invariant: o.invariant,
    arbitrary: scenario(scenarioOptions),
    numRuns: o.numRuns === undefined ? 100 : readInteger(`${API}.numRuns`, o.numRuns, 1, Number.MAX_SAFE_INTEGER, 'must be a positive integer'),
    seed: seed('seed'),
    path: o.path === undefined ? undefined : readPath(o.path),
    defaultSeed: seed('defaultSeed'),
    timeBudgetMs: o.timeBudgetMs === undefined ? undefined : readInteger(`${API}.timeBudgetMs`, o.timeBudgetMs, 1, Number.MAX_SAFE_INTEGER, 'must be a positive integer'),
    verbose: o.verbose === undefined ? false : readBoolean(`${API}.verbose`, o.verbose),
    coverage: (o.coverage === undefined ? false : readBoolean(`${API}.coverage`, o.coverage)) || o.verbose === true,
    disable: deepFreeze(readDisable(o.disable)),
    regressions: readRegressions(o.regressions, cwd, name),
    name,
    testFile: readText('testFile', o.testFile),
    testName: readText('testName', o.testName),
  });
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
  const names = INVARIANTS.map((i) => i.name);
  rejectUnknownOptions(`${API}.disable`, d, names);
  for (const [key, reason] of Object.entries(d)) {
    if (typeof reason !== 'string' || reason.trim() === '') throw optionError(`${API}.disable.${key}`, 'must be a non-empty reason string', reason);
  }
  return { ...(d as Partial<Record<InvariantName, string>>) };
}

function readPath(value: unknown): string {
  if (typeof value !== 'string' || !/^\d+(:\d+)*$/.test(value)) throw optionError(`${API}.path`, 'must be a fast-check path like "12:0:3"', value);
  return value;
}

function readText(key: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw optionError(`${API}.${key}`, 'must be a string', value);
  return value;
}

function readName(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(value)) {
    throw optionError(`${API}.name`, 'must be 1..100 characters of letters, digits, ".", "_" or "-", starting with a letter or digit', value);
  }
  return value;
}

/** `<handler name>-<8 hex digits of the table>`, e.g. `createProjection-1a2b3c4d`. */
function defaultName(o: { readonly createHandler?: { readonly name: string }; readonly handler?: { readonly name: string }; readonly table?: unknown }): string {
  const fnName = (o.createHandler ?? o.handler)?.name.replace(/[^A-Za-z0-9._-]/g, '') ?? '';
  const table = o.table === undefined ? 'any-table' : fnv1a32(JSON.stringify(o.table)).toString(16).padStart(8, '0');
  return `${fnName === '' ? 'handler' : fnName.slice(0, 80)}-${table}`;
}

function readRegressions(value: unknown, cwd: string, name: string): string | undefined {
  if (value === false) return undefined;
  const dir = value === undefined ? '.shardcheck' : value;
  if (typeof dir !== 'string' || dir === '') throw optionError(`${API}.regressions`, 'must be a directory path or false', value);
  return resolve(cwd, dir, name);
}
