import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShardcheckError } from '../core/index.js';
import type { ScenarioParameters } from '../scenario/index.js';
import { decodeValue, encodeJson, encodeValue } from './scenarioCodec.js';

/*
 * The regression corpus: every failing (shrunk) scenario a check finds is stored as one JSON file
 * in the check's own folder (`<regressions>/<check>/<hash>.json`) and replayed before any new
 * scenario on every later run of that check (its full trace beside it as `<hash>.trace.json`, for
 * `shardcheck explain`). An entry records the options fingerprint of the
 * check that found it and the scenario format version: an entry that no longer fits (the options
 * or shardcheck's format changed) is reported and not replayed, never run under other options.
 */

export const SCENARIO_FORMAT = 'shardcheck-scenario';
export const SCENARIO_FORMAT_VERSION = 2;

/** One stored failure, as written to disk (scenario values encoded by `scenarioCodec`). */
export interface StoredScenario {
  readonly scenario: ScenarioParameters;
  /** The replay token of the run that found it (seed, path), and the check's options fingerprint. */
  readonly seed: number;
  readonly path: string;
  readonly fingerprint: string;
  /** The check that found it (its test or name). */
  readonly check: string;
  /** ISO date of the first failure. */
  readonly found: string;
  /** The file it was read from or written to. */
  readonly file: string;
}

/** A stored entry that does not fit the check any more: not replayed, reported with why. */
export interface StaleEntry {
  readonly file: string;
  readonly reason: string;
}

export interface LoadedCorpus {
  readonly entries: readonly StoredScenario[];
  readonly stale: readonly StaleEntry[];
}

/** File name of a scenario: a hash of its encoded JSON, so the same failure is stored once. */
export function scenarioFileName(scenario: ScenarioParameters): string {
  return `${createHash('sha256').update(encodeJson(scenario)).digest('hex').slice(0, 16)}.json`;
}

/**
 * Stores a failing scenario atomically (a temporary file renamed into place, so a reader never sees
 * half a file); an identical scenario is stored once. Returns the file; throws the file system's
 * error (the caller keeps the report and warns).
 */
export function storeScenario(dir: string, entry: Omit<StoredScenario, 'file' | 'found'>, found: Date = new Date()): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, scenarioFileName(entry.scenario));
  if (existsSync(file)) return file;
  const data = {
    format: SCENARIO_FORMAT,
    version: SCENARIO_FORMAT_VERSION,
    check: entry.check,
    fingerprint: entry.fingerprint,
    seed: entry.seed,
    path: entry.path,
    found: found.toISOString(),
    scenario: encodeValue(entry.scenario),
  };
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(data, null, 2)}\n`, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return file;
}

/**
 * The entries of a check's folder, in file-name order, split into those to replay and those that
 * no longer fit `fingerprint`; none when the folder is absent. A file that cannot be read as an
 * entry throws an error naming it.
 */
export function loadCorpus(dir: string, fingerprint: string): LoadedCorpus {
  const entries: StoredScenario[] = [];
  const stale: StaleEntry[] = [];
  for (const name of safeList(dir).filter((n) => n.endsWith('.json') && !n.endsWith('.trace.json')).sort()) {
    const file = join(dir, name);
    const read = readStored(readFileSync(file, 'utf8'), file);
    if ('reason' in read) stale.push(read);
    else if (read.fingerprint === '') stale.push({ file, reason: 'it was written by an older shardcheck that did not record the options it was found under' });
    else if (read.fingerprint !== fingerprint) {
      stale.push({ file, reason: `it was found under other options of this check (fingerprint ${read.fingerprint}, now ${fingerprint}: table, mapping, faults, scenario or deployment changed)` });
    } else entries.push(read);
  }
  return { entries, stale };
}

/** Reads one stored-scenario file's text (also what `shardcheck replay` reads); throws when it is not one. */
export function parseStored(text: string, file: string): StoredScenario {
  const read = readStored(text, file);
  if ('reason' in read) throw new ShardcheckError(`${file}: ${read.reason}`);
  return read;
}

function readStored(text: string, file: string): StoredScenario | StaleEntry {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new ShardcheckError(`${file}: a regression corpus entry must be JSON (${(error as Error).message}); delete the file or restore it from version control`);
  }
  if (data === null || typeof data !== 'object' || data.format !== SCENARIO_FORMAT) {
    throw new ShardcheckError(`${file}: format must be "${SCENARIO_FORMAT}" (got ${JSON.stringify((data as { format?: unknown } | null)?.format)}); is this a shardcheck regression file?`);
  }
  // Format 1 held the same scenarios without the options fingerprint: readable, never replayed by a check.
  if (data.version !== SCENARIO_FORMAT_VERSION && data.version !== 1) {
    return { file, reason: `it was written in scenario format ${JSON.stringify(data.version)} and this shardcheck reads format ${SCENARIO_FORMAT_VERSION}` };
  }
  let scenario: ScenarioParameters;
  try {
    scenario = decodeValue(data.scenario) as ScenarioParameters;
  } catch (error) {
    throw new ShardcheckError(`${file}: its scenario cannot be decoded (${(error as Error).message})`);
  }
  if (scenario === null || typeof scenario !== 'object' || !Array.isArray(scenario.operations)) throw new ShardcheckError(`${file}: scenario must be an object with operations (got ${typeof scenario})`);
  return {
    scenario,
    seed: typeof data.seed === 'number' ? data.seed : 0,
    path: typeof data.path === 'string' ? data.path : '',
    fingerprint: typeof data.fingerprint === 'string' ? data.fingerprint : '',
    check: typeof data.check === 'string' ? data.check : '',
    found: typeof data.found === 'string' ? data.found : '',
    file,
  };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    // Nothing stored there (yet): storing will say what is wrong with the path, without losing the report.
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return [];
    throw new ShardcheckError(`${dir}: the regression corpus folder cannot be read (${(error as Error).message})`);
  }
}
