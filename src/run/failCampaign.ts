import { writeFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { CoverageTally } from '../coverage/index.js';
import { headline, renderFailure, type FailureReport, type ReplayTarget } from '../report/index.js';
import { serializeTrace } from '../trace/index.js';
import type { StreamMetrics } from '../trace/metricsOf.js';
import type { Budget } from './Budget.js';
import type { QualifiedCheckOptions } from './checkOptions.js';
import type { Progress } from './Progress.js';
import { storeScenario } from './regressionCorpus.js';
import { formatReplayToken } from './replayToken.js';
import { runScenario, type RunOutcome } from './runScenario.js';
import type { Found } from './searchCampaign.js';
import { settingDependence } from './settingDependence.js';
import { ShardcheckFailure } from './ShardcheckFailure.js';

/** The state of one check while it runs. */
export interface Campaign<D extends object> {
  readonly options: QualifiedCheckOptions<D>;
  readonly tally: CoverageTally;
  readonly metrics: StreamMetrics[];
  /** Advisories raised so far: in how many runs, and the first one's summary. */
  readonly advisories: Map<string, { runs: number; summary: string }>;
  readonly budget: Budget;
  readonly progress: Progress;
  readonly seed: number;
}

/**
 * Turns a found failure into the thrown report: confirms it by running it once more (a pass is
 * reported as flaky, with both outcomes), finds the generated settings it needs, stores it in the
 * corpus (a write that fails is a warning, never a lost report) and renders the report.
 * `replayed` failures (a token, a path or a stored regression) are reported as they are.
 */
export async function failCampaign<D extends object>(campaign: Campaign<D>, found: Found, removals: string, replayed: boolean, storedFile?: string): Promise<never> {
  const q = campaign.options;
  const { scenario, outcome } = found;
  const flaky = found.notReproduced ?? (await rerunOnce(campaign, found));
  const dependsOn = flaky === undefined ? await settingDependence(q, scenario, campaign.budget) : [];
  const stored = replayed ? { storedAt: storedFile } : store(q, found, scenario, outcome);
  const report: FailureReport = {
    cause: outcome.failure!,
    scenario,
    trace: outcome.trace,
    model: outcome.model,
    seed: found.seed,
    path: found.path,
    numRuns: found.numRuns,
    shrinks: found.shrinks,
    replay: replayTarget(q, storedFile === undefined ? formatReplayToken({ check: q.identity.hash, options: q.fingerprint, seed: found.seed, path: found.path, removals }) : undefined),
    ...(found.shrinkStopped ? { shrinkStopped: { steps: found.shrinks, elapsedMs: campaign.budget.elapsedMs() } } : {}),
    ...(flaky === undefined ? {} : { flaky: { rerun: flaky } }),
    ...(dependsOn.length === 0 ? {} : { dependsOn }),
    ...(outcome.logs === undefined || outcome.logs.length === 0 ? {} : { logs: outcome.logs }),
    ...(outcome.verdict.advisories === undefined ? {} : { advisories: outcome.verdict.advisories }),
    ...withoutUndefined(stored),
    ...(q.coverage ? { coverage: campaign.tally.summary() } : {}),
  };
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  throw new ShardcheckFailure(renderFailure(report, { color }), report);
}

/** Undefined when the rerun fails the same way; else what it gave instead. */
async function rerunOnce<D extends object>(campaign: Campaign<D>, found: Found): Promise<string | undefined> {
  const q = campaign.options;
  if (q.suppressHealthChecks.includes('flaky') || !campaign.budget.fitsAnotherRun()) return undefined;
  let again: RunOutcome;
  try {
    again = await campaign.budget.timed(() => runScenario(q, found.scenario));
  } catch (error) {
    return `threw ${(error as Error).message ?? String(error)}`;
  }
  if (again.failure === undefined) return 'passed';
  const first = headlineOf(found.outcome);
  const second = headlineOf(again);
  return first === second ? undefined : `failed differently (${second})`;
}

function headlineOf(outcome: RunOutcome): string {
  const bare = { cause: outcome.failure!, numRuns: 0, shrinks: 0 } as unknown as FailureReport;
  return headline(bare).replace(/^shardcheck: /, '').replace(/ \(?after 0 runs, shrunk 0 times\)?/, '');
}

function store<D extends object>(q: QualifiedCheckOptions<D>, found: Found, scenario: Found['scenario'], outcome: RunOutcome): { storedAt?: string; traceFile?: string; storeError?: string } {
  if (q.regressions === undefined) return {};
  try {
    const storedAt = storeScenario(q.regressions, { scenario, seed: found.seed, path: found.path, fingerprint: q.fingerprint, check: q.identity.label });
    const traceFile = storedAt.replace(/\.json$/, '.trace.json');
    writeFileSync(traceFile, serializeTrace(outcome.trace));
    return { storedAt, traceFile };
  } catch (error) {
    const storeError = `${q.regressions}: ${(error as Error).message}`;
    console.warn(`shardcheck: ${q.identity.label}: could not store the counterexample for regression replay (${storeError}); the report follows.`);
    return { storeError };
  }
}

function replayTarget<D extends object>(q: QualifiedCheckOptions<D>, token: string | undefined): ReplayTarget {
  if (q.test !== undefined) return { token, test: { runner: q.test.runner, file: q.test.file, names: q.test.names } };
  const [script, ...args] = process.argv.slice(1);
  const rel = script === undefined ? undefined : relative(process.cwd(), script);
  const shown = script === undefined || rel === undefined || rel.startsWith('..') || isAbsolute(rel) ? script : rel;
  return { token, script: { execArgv: nodeFlags(process.execArgv), argv: shown === undefined ? [] : [shown, ...args] } };
}

/** The node flags to rerun with; tsx's absolute loader paths become the `--import tsx` a user would type. */
function nodeFlags(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  let tsx = false;
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const value = execArgv[i + 1] ?? '';
    if ((arg === '--require' || arg === '--import' || arg === '--loader') && /[\\/]tsx[\\/]dist[\\/]/.test(value)) {
      tsx = true;
      i++;
    } else out.push(arg);
  }
  return tsx ? ['--import', 'tsx', ...out] : out;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
