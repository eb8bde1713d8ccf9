import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { check } from '../check/index.js';
import { buildModel } from '../model/index.js';
import { renderScenario, shellWord } from '../report/index.js';
import { quoted, renderTrace, summarizeTrace, type Trace } from '../trace/index.js';
import type { CliIo } from './main.js';
import { readScenarioFile, readStoredInput, recordsOnlyTrace, type StoredInput } from './storedInput.js';
import { UsageError } from './usageError.js';
import { verdictLines } from './verdictText.js';

/**
 * The scenario a trace was run from, by the two layouts shardcheck writes: `<name>.trace.json` →
 * `<name>.json` (the regression corpus: a stored scenario and the trace of its failing run) and
 * `<name>.json` → `<name>.scenario.json` (stored traces such as `fixtures/traces/`).
 */
export function siblingScenario(traceFile: string): string | undefined {
  if (traceFile.endsWith('.trace.json')) return `${traceFile.slice(0, -'.trace.json'.length)}.json`;
  if (!traceFile.endsWith('.json') || traceFile.endsWith('.scenario.json')) return undefined;
  return `${traceFile.slice(0, -'.json'.length)}.scenario.json`;
}

/** The trace stored next to a regression-corpus scenario: `<name>.json` → `<name>.trace.json`. */
export function siblingTrace(scenarioFile: string): string | undefined {
  if (!scenarioFile.endsWith('.json') || scenarioFile.endsWith('.trace.json') || scenarioFile.endsWith('.scenario.json')) return undefined;
  return `${scenarioFile.slice(0, -'.json'.length)}.trace.json`;
}

/**
 * `shardcheck explain <file> [--scenario <file>]`: a stored trace's summary, timeline and (with its
 * scenario) verdict; or what a stored scenario contains, followed by its failing run's timeline
 * when the regression corpus stored that trace next to it. Returns the exit code: 1 when the
 * verdict shows a violated invariant, else 0. Usage problems throw {@link UsageError}.
 */
export function explain(args: readonly string[], io: CliIo, cwd: string): number {
  const { values, positionals } = parse(args);
  if (positionals.length !== 1) throw new UsageError(`explain takes exactly one file (got ${positionals.length === 0 ? 'none' : positionals.map((p) => JSON.stringify(p)).join(' ')})`);
  const file = positionals[0]!;
  const input = readStoredInput(file, cwd);
  if (input.kind === 'trace') return explainTrace(input.trace, file, values.scenario ?? existing(siblingScenario(file), cwd), siblingScenario(file), io, cwd);
  if (values.scenario !== undefined) throw new UsageError(`--scenario goes with a stored trace; ${file} is already a scenario`);
  explainScenario(input, io);
  const traceFile = existing(siblingTrace(file), cwd);
  if (traceFile === undefined) {
    io.stdout(`\nA scenario has no timeline until a handler runs it. Replay it against yours:\n`);
    io.stdout(`  shardcheck replay ${shellWord(file)} --handler <module[#export]>\n`);
    return 0;
  }
  io.stdout(`\nIts failing run, stored next to it:\n\n`);
  const stored = readStoredInput(traceFile, cwd);
  if (stored.kind !== 'trace') throw new UsageError(`${traceFile}: expected the stored trace of ${file}, found a scenario`);
  return explainTrace(stored.trace, traceFile, file, undefined, io, cwd);
}

function existing(file: string | undefined, cwd: string): string | undefined {
  return file !== undefined && existsSync(resolve(cwd, file)) ? file : undefined;
}

/** Summary, timeline, and the verdict against `scenarioFile` when there is one. */
function explainTrace(trace: Trace, file: string, scenarioFile: string | undefined, sibling: string | undefined, io: CliIo, cwd: string): number {
  io.stdout(`trace ${quoted(file)}\n`);
  io.stdout(summarizeTrace(trace));
  io.stdout('\n');
  io.stdout(renderTrace(trace));
  io.stdout('\n');
  if (scenarioFile === undefined) {
    io.stdout(`verdict not computed: the built-in invariants need the scenario the trace was run from.\n`);
    io.stdout(`Give it with --scenario <scenario.json>, or store it next to the trace as ${sibling === undefined ? '<name>.scenario.json' : quoted(sibling)}.\n`);
    return 0;
  }
  const { scenario, resolved } = readScenarioFile(scenarioFile, cwd);
  const model = buildModel(resolved);
  if (model.records.length !== trace.records.length) {
    throw new UsageError(`${scenarioFile} does not describe the run in ${file}: its stream has ${model.records.length} records, the trace ${trace.records.length}`);
  }
  const verdict = check(trace, model);
  for (const line of verdictLines(verdict, scenario, trace, model, scenarioFile)) io.stdout(`${line}\n`);
  return verdict.valid ? 0 : 1;
}

function explainScenario(input: Extract<StoredInput, { kind: 'scenario' }>, io: CliIo): void {
  const { stored, file } = input;
  if (stored === undefined) io.stdout(`scenario ${quoted(file)}: scenario parameters (plain JSON)\n`);
  else {
    const found = stored.found === '' ? '' : `, found ${stored.found}`;
    io.stdout(`scenario ${quoted(file)}: a stored failure from the regression corpus${found} (replay token: seed ${stored.seed}, path ${JSON.stringify(stored.path)})\n`);
  }
  io.stdout('\n');
  for (const line of renderScenario(input.scenario, recordsOnlyTrace(input.resolved))) io.stdout(`${line}\n`);
}

function parse(args: readonly string[]): { values: { scenario?: string }; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { scenario: { type: 'string' } }, allowPositionals: true, strict: true });
    return { values: values.scenario === undefined ? {} : { scenario: values.scenario }, positionals };
  } catch (error) {
    throw new UsageError(`explain: ${(error as Error).message}`);
  }
}
