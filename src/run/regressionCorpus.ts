import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShardcheckError } from '../core/index.js';
import type { ScenarioParameters } from '../scenario/index.js';
import { decodeValue, encodeJson, encodeValue } from './scenarioCodec.js';

/*
 * The regression corpus: every failing (shrunk) scenario a check finds is stored as one JSON file
 * in the check's directory (`<regressions>/<name>/<hash>.json`) and replayed before any new
 * scenario on every later call. A stored scenario that passes stays stored, so the bug is
 * re-checked forever; delete its file once you no longer want it (or the whole directory).
 */

export const SCENARIO_FORMAT = 'shardcheck-scenario';
export const SCENARIO_FORMAT_VERSION = 1;

/** One stored failure, as written to disk (scenario values encoded by `scenarioCodec`). */
export interface StoredScenario {
  readonly scenario: ScenarioParameters;
  /** The replay token of the run that found it. */
  readonly seed: number;
  readonly path: string;
  /** ISO date of the first failure. */
  readonly found: string;
  /** The file it was read from or written to. */
  readonly file: string;
}

/** File name of a scenario: a hash of its encoded JSON, so the same failure is stored once. */
export function scenarioFileName(scenario: ScenarioParameters): string {
  return `${createHash('sha256').update(encodeJson(scenario)).digest('hex').slice(0, 16)}.json`;
}

/** Stores a failing scenario (unless an identical one is stored); returns its file. */
export function storeScenario(dir: string, entry: Omit<StoredScenario, 'file' | 'found'>, found: Date = new Date()): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, scenarioFileName(entry.scenario));
  if (!existsSync(file)) {
    const data = { format: SCENARIO_FORMAT, version: SCENARIO_FORMAT_VERSION, scenario: encodeValue(entry.scenario), seed: entry.seed, path: entry.path, found: found.toISOString() };
    writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  }
  return file;
}

/** Every stored scenario of a directory, in file-name order; none when the directory is absent. */
export function loadScenarios(dir: string): StoredScenario[] {
  return safeList(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => parseStored(readFileSync(join(dir, name), 'utf8'), join(dir, name)));
}

/** Reads one stored-scenario file's text (also what `shardcheck replay` reads). */
export function parseStored(text: string, file: string): StoredScenario {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new ShardcheckError(`${file}: not JSON (${(error as Error).message})`);
  }
  if (data.format !== SCENARIO_FORMAT) throw new ShardcheckError(`${file}: format must be "${SCENARIO_FORMAT}" (got ${JSON.stringify(data.format)})`);
  if (data.version !== SCENARIO_FORMAT_VERSION) throw new ShardcheckError(`${file}: version must be ${SCENARIO_FORMAT_VERSION} (got ${JSON.stringify(data.version)})`);
  return {
    scenario: decodeValue(data.scenario) as ScenarioParameters,
    seed: typeof data.seed === 'number' ? data.seed : 0,
    path: typeof data.path === 'string' ? data.path : '',
    found: typeof data.found === 'string' ? data.found : '',
    file,
  };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
