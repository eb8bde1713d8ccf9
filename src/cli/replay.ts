import { parseArgs } from 'node:util';
import { ShardcheckError } from '../core/index.js';
import type { EnvironmentInfo, StreamHandler } from '../mapping/index.js';
import { renderFailure, shellWord } from '../report/index.js';
import { qualifyCheckOptions, runScenario, type CheckStreamHandlerOptions, type InvariantContext } from '../run/index.js';
import { quoted } from '../trace/index.js';
import type { CliIo } from './main.js';
import { importModule, loadExport } from './loadExport.js';
import { readScenarioFile } from './storedInput.js';
import { UsageError } from './usageError.js';
import { singleRunHeadline, singleRunReport } from './verdictText.js';

interface ReplayFlags {
  readonly handler?: string;
  readonly factory?: string;
  readonly deps?: string;
  readonly invariant?: string;
}

/**
 * `shardcheck replay <scenario.json> (--handler | --factory) <module[#export]> [--deps …] [--invariant …]`:
 * runs the stored scenario once, like one run of `checkStreamHandler` (fresh deps, the factory gets
 * their fault-injecting proxy, built-in invariants then the user's). Returns 0 pass, 1 violated;
 * usage problems throw {@link UsageError}.
 */
export async function replay(args: readonly string[], io: CliIo, cwd: string): Promise<number> {
  const load = io.importModule ?? importModule;
  const { flags, positionals } = parse(args);
  if (positionals.length !== 1) throw new UsageError(`replay takes exactly one scenario file (got ${positionals.length === 0 ? 'none' : positionals.map((p) => JSON.stringify(p)).join(' ')})`);
  if ((flags.handler === undefined) === (flags.factory === undefined)) {
    throw new UsageError(`replay needs exactly one of --handler <module[#export]> (a handler) and --factory <module[#export]> (a createHandler(deps, env) factory) (got ${flags.handler === undefined ? 'neither' : 'both'})`);
  }
  const file = positionals[0]!;
  const input = readScenarioFile(file, cwd);
  const options: CheckStreamHandlerOptions<object> = { regressions: false, numRuns: 1, name: 'replay' };
  if (flags.handler !== undefined) options.handler = (await loadExport('--handler', flags.handler, ['default', 'handler'], cwd, load)) as StreamHandler;
  if (flags.factory !== undefined) {
    options.createHandler = (await loadExport('--factory', flags.factory, ['default', 'createHandler'], cwd, load)) as (deps: object, env: EnvironmentInfo) => StreamHandler;
  }
  if (flags.deps !== undefined) {
    const deps = (await loadExport('--deps', flags.deps, ['default', 'deps'], cwd, load)) as () => object;
    options.deps = () => {
      const value = deps();
      if (value === null || typeof value !== 'object') throw new ShardcheckError(`--deps: ${flags.deps} must return a deps object (got ${value === null ? 'null' : typeof value})`);
      return value;
    };
  }
  if (flags.invariant !== undefined) options.invariant = (await loadExport('--invariant', flags.invariant, ['default', 'invariant'], cwd, load)) as (context: InvariantContext<object>) => void;
  let qualified;
  try {
    qualified = qualifyCheckOptions(options, cwd);
  } catch (error) {
    if (error instanceof ShardcheckError) throw new UsageError(error.message);
    throw error;
  }
  const outcome = await runScenario(qualified, input.scenario);
  const { trace, model, failure } = outcome;
  const invariants = flags.invariant === undefined ? 'every built-in invariant holds' : 'every built-in invariant and your invariant hold';
  if (failure === undefined) {
    io.stdout(`PASS ${quoted(file)}: ${invariants} (${trace.records.length} records, ${trace.events.length} trace events)\n`);
    return 0;
  }
  const stored = input.stored;
  const report = singleRunReport(failure, input.scenario, trace, model, stored === undefined ? undefined : { seed: stored.seed, path: stored.path });
  const lines = renderFailure(report).split('\n');
  const command = ['shardcheck', 'replay', file, ...Object.entries(flags).flatMap(([key, value]) => (value === undefined ? [] : [`--${key}`, value as string]))];
  const origin = stored === undefined ? [] : [`found ${stored.found === '' ? 'earlier' : stored.found}${stored.check === '' ? '' : ` by ${JSON.stringify(stored.check)}`} (campaign seed ${stored.seed}, path ${JSON.stringify(stored.path)})`];
  io.stdout(`FAIL ${quoted(file)}\n${[singleRunHeadline(report), `replay: ${command.map(shellWord).join(' ')}`, ...origin, ...lines.slice(2)].join('\n')}`);
  return 1;
}

function parse(args: readonly string[]): { flags: ReplayFlags; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { handler: { type: 'string' }, factory: { type: 'string' }, deps: { type: 'string' }, invariant: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const flags: { -readonly [K in keyof ReplayFlags]: string } = {};
    for (const key of ['handler', 'factory', 'deps', 'invariant'] as const) if (values[key] !== undefined) flags[key] = values[key];
    return { flags, positionals };
  } catch (error) {
    throw new UsageError(`replay: ${(error as Error).message}`);
  }
}
