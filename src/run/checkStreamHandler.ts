import fc from 'fast-check';
import { CoverageTally, type CampaignCoverage } from '../coverage/index.js';
import { renderCoverage, renderFailure, type FailureReport } from '../report/index.js';
import type { ScenarioParameters } from '../scenario/index.js';
import { metricsOf, type StreamMetrics } from '../trace/metricsOf.js';
import { qualifyCheckOptions, type CheckStreamHandlerOptions, type QualifiedCheckOptions } from './checkOptions.js';
import { aggregateMetrics, type MetricTotals } from './aggregateMetrics.js';
import { loadScenarios, storeScenario } from './regressionCorpus.js';
import { readEnvPath, resolveSeed, type SeedSource } from './resolveSeed.js';
import { runScenario, type RunOutcome } from './runScenario.js';
import { ShardcheckFailure } from './ShardcheckFailure.js';

/** What a passing campaign returns. */
export interface RunSummary {
  /** Scenarios run: stored regressions first, then generated ones. */
  readonly runs: number;
  /** Of which replayed from the regression corpus. */
  readonly regressionRuns: number;
  /** The campaign seed and where it came from. */
  readonly seed: number;
  readonly seedSource: SeedSource;
  /** True when the time budget stopped the campaign before `numRuns`. */
  readonly interrupted: boolean;
  readonly coverage: CampaignCoverage;
  /** Metrics of the last run (see `metricsOf`); undefined when nothing ran. */
  readonly metrics: StreamMetrics | undefined;
  /** Counters summed and IteratorAge maximised over every run. */
  readonly totals: MetricTotals;
}

interface Campaign<D extends object> {
  readonly options: QualifiedCheckOptions<D>;
  readonly tally: CoverageTally;
  readonly metrics: StreamMetrics[];
}

/**
 * Checks a DynamoDB-Streams handler against generated scenarios (DESIGN §2): each run gets fresh
 * deps, the simulated event source mapping feeds the handler (through a fault-injecting proxy of
 * the deps), and the built-in invariants and then `options.invariant` must hold. Stored regression
 * scenarios run first. On failure, throws a {@link ShardcheckFailure} whose message is the report
 * of the shrunk scenario, with its replay line (`SHARDCHECK_SEED=… SHARDCHECK_PATH=…`).
 */
export async function checkStreamHandler<D extends object>(options: CheckStreamHandlerOptions<D>): Promise<RunSummary> {
  const started = Date.now();
  const q = qualifyCheckOptions(options, process.cwd());
  const { seed, source } = resolveSeed(q.seed, process.env.SHARDCHECK_SEED, q.defaultSeed);
  const path = q.path ?? readEnvPath(process.env.SHARDCHECK_PATH);
  const campaign: Campaign<D> = { options: q, tally: new CoverageTally(), metrics: [] };
  if (q.verbose) console.log(`shardcheck: ${q.name}: seed ${seed} (${source})${path === undefined ? '' : `, replaying path ${path}`}`);
  const regressionRuns = path === undefined ? await replayCorpus(campaign) : 0;
  const remaining = q.timeBudgetMs === undefined ? undefined : q.timeBudgetMs - (Date.now() - started);
  let interrupted = remaining !== undefined && remaining <= 0;
  let generatedRuns = 0;
  if (!interrupted) {
    const result = await search(campaign, seed, path, remaining);
    generatedRuns = result.runs;
    interrupted = result.interrupted;
  }
  const summary: RunSummary = {
    runs: regressionRuns + generatedRuns,
    regressionRuns,
    seed,
    seedSource: source,
    interrupted,
    coverage: campaign.tally.summary(),
    metrics: campaign.metrics.at(-1),
    totals: aggregateMetrics(campaign.metrics),
  };
  // `verbose` implies `coverage`.
  if (q.coverage) console.log([`shardcheck: ${q.name}: ${summary.runs} runs passed${interrupted ? ' (time budget reached)' : ''}`, ...renderCoverage(summary.coverage)].join('\n'));
  return summary;
}

/** Replays every stored scenario of the corpus; throws the report of the first that fails. */
async function replayCorpus<D extends object>(campaign: Campaign<D>): Promise<number> {
  const dir = campaign.options.regressions;
  if (dir === undefined) return 0;
  const stored = loadScenarios(dir);
  for (const [index, entry] of stored.entries()) {
    const outcome = await runScenario(campaign.options, entry.scenario);
    record(campaign, outcome);
    if (outcome.failure !== undefined) {
      fail(campaign, { scenario: entry.scenario, outcome, seed: entry.seed, path: entry.path, numRuns: index + 1, shrinks: 0, storedAt: entry.file });
    }
  }
  if (campaign.options.verbose && stored.length > 0) console.log(`shardcheck: ${campaign.options.name}: ${stored.length} stored regression scenarios passed (${dir})`);
  return stored.length;
}

/** The fast-check search (or the replay of one path); throws the report of the shrunk failure. */
async function search<D extends object>(campaign: Campaign<D>, seed: number, path: string | undefined, budgetMs: number | undefined): Promise<{ runs: number; interrupted: boolean }> {
  const q = campaign.options;
  let last: { scenario: ScenarioParameters; outcome: RunOutcome } | undefined;
  const property = fc.asyncProperty(q.arbitrary, async (scenario) => {
    const outcome = await runScenario(q, scenario);
    // Runs before the first failure count for coverage and metrics; later ones are shrink attempts.
    if (last === undefined) record(campaign, outcome);
    if (outcome.failure === undefined) return true;
    last = { scenario, outcome };
    return false;
  });
  const details = await fc.check(property, {
    seed,
    numRuns: q.numRuns,
    ...(path === undefined ? {} : { path, endOnFailure: true }),
    ...(budgetMs === undefined ? {} : { interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false }),
  });
  if (!details.failed) return { runs: details.numRuns, interrupted: details.interrupted };
  if (details.counterexample === null || details.counterexamplePath === null) throw details.errorInstance ?? new Error(`shardcheck: the property failed without a counterexample`);
  const scenario = details.counterexample[0];
  // The last failing call is the shrunk counterexample; re-run it if fast-check says otherwise.
  const outcome = last !== undefined && last.scenario === scenario ? last.outcome : await runScenario(q, scenario);
  if (outcome.failure === undefined) throw new Error(`shardcheck: the counterexample (seed ${details.seed}, path ${details.counterexamplePath}) passed when run again: is the handler or its invariant nondeterministic?`);
  const storedAt = q.regressions === undefined ? undefined : storeScenario(q.regressions, { scenario, seed: details.seed, path: details.counterexamplePath });
  return fail(campaign, { scenario, outcome, seed: details.seed, path: details.counterexamplePath, numRuns: details.numRuns, shrinks: details.numShrinks, storedAt });
}

function record<D extends object>(campaign: Campaign<D>, outcome: RunOutcome): void {
  campaign.tally.add(outcome.trace);
  campaign.metrics.push(metricsOf(outcome.trace));
}

interface Failure {
  readonly scenario: ScenarioParameters;
  readonly outcome: RunOutcome;
  readonly seed: number;
  readonly path: string;
  readonly numRuns: number;
  readonly shrinks: number;
  readonly storedAt: string | undefined;
}

function fail<D extends object>(campaign: Campaign<D>, f: Failure): never {
  const q = campaign.options;
  const report: FailureReport = {
    cause: f.outcome.failure!,
    scenario: f.scenario,
    trace: f.outcome.trace,
    model: f.outcome.model,
    seed: f.seed,
    path: f.path,
    numRuns: f.numRuns,
    shrinks: f.shrinks,
    ...(q.testFile === undefined ? {} : { testFile: q.testFile }),
    ...(q.testName === undefined ? {} : { testName: q.testName }),
    ...(f.storedAt === undefined ? {} : { storedAt: f.storedAt }),
    ...(q.coverage ? { coverage: campaign.tally.summary() } : {}),
  };
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  throw new ShardcheckFailure(renderFailure(report, { color }), report);
}
