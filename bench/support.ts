/*
 * Shared by the benchmark figures (`npm run bench`, see bench/main.ts): the figure type, a
 * tinybench wrapper, a plain no-fault workload, the build the child processes import, and a
 * child-process runner.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';
import type { ScenarioParameters } from '../src/scenario/index.js';

export type Status = 'PASS' | 'MISS' | '—';

/** One line of the results table (a figure may have several lines, e.g. one per size). */
export interface Row {
  readonly figure: number;
  readonly name: string;
  /** Display text of the measured value, with its unit. */
  readonly value: string;
  readonly target: string;
  /** The figure's ratio (against its floor, baseline or target); '' when none applies. */
  readonly ratio: string;
  readonly status: Status;
  /** How it was measured and anything the reader needs to trust it. */
  readonly note?: string;
  /** Raw numbers for bench/results.json (rounded, so the file diffs readably). */
  readonly data?: Readonly<Record<string, number | string | boolean | null>>;
}

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Rounds to `digits` significant digits: results.json stays readable and noise-free in diffs. */
export function sig(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/** 1234567 → "1.23 M", 12345 → "12.3 k". */
export function human(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${sig(value / 1e6)} M`;
  if (abs >= 1e3) return `${sig(value / 1e3)} k`;
  return `${sig(value)}`;
}

export const status = (pass: boolean): Status => (pass ? 'PASS' : 'MISS');

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Timing {
  /** Median latency of one call, ms (the median resists the noisy neighbours of a shared VM). */
  readonly medianMs: number;
  readonly meanMs: number;
  readonly samples: number;
  /** Relative margin of error of the mean, percent. */
  readonly rme: number;
}

/**
 * Times `fn` with tinybench for about `timeMs` after a short warm-up. The minimum iteration count
 * is kept low so that a slow build still finishes within the suite's budget; a fast one simply
 * takes more samples.
 */
export async function timeTask(name: string, fn: () => unknown, timeMs: number): Promise<Timing> {
  const bench = new Bench({ time: timeMs, iterations: 3, warmupTime: Math.min(500, timeMs / 4), warmupIterations: 1, throws: true });
  bench.add(name, fn);
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (result.state !== 'completed') throw new Error(`bench ${name}: ${result.state}`);
  return { medianMs: result.latency.p50, meanMs: result.latency.mean, samples: result.latency.samplesCount, rme: result.latency.rme };
}

/**
 * `records` puts over 1000 items, a thousand per virtual millisecond, on `shardCount` shards, with
 * no faults: full 100-record batches, so the figures measure the mapping, not poll intervals.
 */
export function plainWorkload(records: number, mapping: ScenarioParameters['mapping'] = {}, shardCount = 4): ScenarioParameters {
  const operations = new Array<ScenarioParameters['operations'][number]>(records);
  for (let i = 0; i < records; i++) operations[i] = { type: 'put', at: Math.floor(i / 1000), item: { pk: `k${i % 1000}`, v: i } };
  return { table: { partitionKey: 'pk' }, operations, stream: { shardCount }, mapping: { batchSize: 100, ...mapping } };
}

/** Where bench/main.ts compiles src (tsc, as `npm run build` does), away from the shared dist/. */
export const BUILD_DIR = join(ROOT, 'node_modules', '.cache', 'shardcheck-bench', 'dist');
export const BUILD_INDEX = pathToFileURL(join(BUILD_DIR, 'index.js')).href;

/**
 * Compiles src with tsconfig.build.json into BUILD_DIR, so child processes run plain `node` on the
 * same JavaScript a user installs. A private directory, because others may be packing dist/.
 * Type errors from work in progress elsewhere do not stop tsc from emitting; they are reported.
 */
export function buildForChildren(): { ok: boolean; detail: string } {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR, '--declaration', 'false', '--sourceMap', 'false'], { cwd: ROOT, encoding: 'utf8' });
  if (!existsSync(join(BUILD_DIR, 'index.js'))) throw new Error(`bench: tsc produced no ${BUILD_DIR}/index.js:\n${run.stdout}${run.stderr}`);
  return { ok: run.status === 0, detail: run.status === 0 ? 'tsc build' : `tsc build with type errors (emitted anyway): ${run.stdout.split('\n')[0]}` };
}

export interface ChildResult {
  /** Wall time from spawn to exit as the parent saw it, ms. */
  readonly wallMs: number;
  /** Wall time from spawn to the child's first output, ms (a child can print a marker when its timed part starts). */
  readonly firstOutputMs: number | undefined;
  readonly timedOut: boolean;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak RSS of a child killed on timeout, from /proc (Linux), KB. */
  readonly peakRssKbAtKill?: number;
}

/** Runs an ES module snippet in a fresh `node` (cwd = repo root), killing it after `timeoutMs`. */
export function runChild(code: string, timeoutMs: number, nodeArgs: readonly string[] = []): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, '--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let peakRssKbAtKill: number | undefined;
    let firstOutputMs: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      firstOutputMs ??= performance.now() - start;
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      peakRssKbAtKill = peakRssKb(child.pid);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ wallMs: performance.now() - start, firstOutputMs, timedOut, code: exitCode, stdout, stderr, ...(peakRssKbAtKill === undefined ? {} : { peakRssKbAtKill }) });
    });
  });
}

function peakRssKb(pid: number | undefined): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}
