import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ShardcheckError } from '../core/index.js';
import { decodeValue, parseStored, SCENARIO_FORMAT, type StoredScenario } from '../run/index.js';
import { resolveScenario, type Scenario, type ScenarioParameters } from '../scenario/index.js';
import { buildStreamHistory } from '../stream/index.js';
import { parseTrace, type Trace } from '../trace/index.js';
import { UsageError } from './usageError.js';
import { traceHeader } from '../mapping/traceHeader.js';

/** A file `explain` and `replay` read: a stored trace, or a scenario (regression corpus or plain). */
export type StoredInput =
  | { readonly kind: 'trace'; readonly file: string; readonly trace: Trace }
  | { readonly kind: 'scenario'; readonly file: string; readonly scenario: ScenarioParameters; readonly resolved: Scenario; readonly stored: StoredScenario | undefined };

/** Reads a file's text; a missing or unreadable file is a usage error. */
export function readText(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: no such file`);
    if (code === 'EISDIR') throw new UsageError(`${file}: is a directory, not a JSON file`);
    throw new UsageError(`${file}: cannot read (${(error as Error).message})`);
  }
}

/**
 * Reads a stored trace (`serializeTrace`), a regression-corpus scenario
 * (`{ format: "shardcheck-scenario", version: 1, scenario, seed, path, found }`) or a plain
 * `ScenarioParameters` JSON (decoded with the run layer's codec), telling them apart by shape.
 */
export function readStoredInput(file: string, cwd: string): StoredInput {
  const text = readText(file, cwd);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not JSON (${(error as Error).message})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`${file}: expected a JSON object (a stored trace or scenario)`);
  const o = data as Record<string, unknown>;
  try {
    if ('format' in o) {
      if (o.format !== SCENARIO_FORMAT) throw new UsageError(`${file}: unknown format ${JSON.stringify(o.format)} (expected "${SCENARIO_FORMAT}")`);
      const stored = parseStored(text, file);
      return { kind: 'scenario', file, scenario: stored.scenario, resolved: resolveScenario(stored.scenario), stored };
    }
    if ('events' in o && 'records' in o && 'shards' in o) return { kind: 'trace', file, trace: parseTrace(text) };
    if ('table' in o || 'operations' in o) {
      const scenario = decodeValue(o) as ScenarioParameters;
      return { kind: 'scenario', file, scenario, resolved: resolveScenario(scenario), stored: undefined };
    }
  } catch (error) {
    if (error instanceof ShardcheckError) throw new UsageError(error.message.startsWith(file) ? error.message : `${file}: ${error.message}`);
    throw error;
  }
  throw new UsageError(`${file}: neither a stored trace (version, shards, records, events) nor a scenario (format "${SCENARIO_FORMAT}", or table and operations)`);
}

/** Reads a file that must be a scenario (for `replay`, or the scenario of a trace). */
export function readScenarioFile(file: string, cwd: string): Extract<StoredInput, { kind: 'scenario' }> {
  const input = readStoredInput(file, cwd);
  if (input.kind !== 'scenario') throw new UsageError(`${file}: is a stored trace, not a scenario (explain it with: shardcheck explain ${file})`);
  return input;
}

/**
 * A trace with no events for a scenario: its shards and stream records, which is what the compact
 * scenario notation lists, without running any handler.
 */
export function recordsOnlyTrace(scenario: Scenario): Trace {
  return { version: 1, ...traceHeader(buildStreamHistory(scenario), scenario), events: [] };
}
