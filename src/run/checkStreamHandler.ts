import { ShardcheckError } from '../core/index.js';
import { CoverageTally, type CampaignCoverage } from '../coverage/index.js';
import { renderCoverage } from '../report/index.js';
import { metricsOf, type StreamMetrics } from '../trace/metricsOf.js';
import { aggregateMetrics, type MetricTotals } from './aggregateMetrics.js';
import { Budget, type BudgetSource } from './Budget.js';
import { claimIdentity } from './checkIdentity.js';
import { qualifyCheckOptions, type CheckStreamHandlerOptions, type QualifiedCheckOptions } from './checkOptions.js';
import { failCampaign, type Campaign } from './failCampaign.js';
import { currentPluginDefaults, environmentOptions } from './optionLayers.js';
import { Progress, seconds } from './Progress.js';
import { loadCorpus, type StaleEntry } from './regressionCorpus.js';
import { parseReplayToken, type ReplayToken } from './replayToken.js';
import { randomSeed } from './resolveSeed.js';
import { runScenario, type RunOutcome } from './runScenario.js';
import { searchCampaign } from './searchCampaign.js';
import { ShardcheckHealthError } from './ShardcheckFailure.js';
import { currentTestContext } from './testContext.js';

/** What a passing campaign returns. */
export interface RunSummary {
  /** Scenarios run: stored regressions first, then generated ones. */
  readonly runs: number;
  /** The runs asked for (`numRuns`); fewer ran when the time budget cut the campaign short. */
  readonly plannedRuns: number;
  /** Of which replayed from the regression corpus. */
  readonly regressionRuns: number;
  /** Stored entries not replayed because they no longer fit this check (each also printed as a warning). */
  readonly staleRegressions: readonly StaleEntry[];
  /** The campaign seed and where it came from. */
  readonly seed: number;
  readonly seedSource: SeedSource;
  /** True when the time budget (or an aborted test) stopped the campaign before `numRuns`. */
  readonly interrupted: boolean;
  /** The real-time budget and where it came from. */
  readonly budgetMs: number;
  readonly budgetSource: BudgetSource;
  readonly elapsedMs: number;
  /** A `SHARDCHECK_REPLAY` token or `path` was replayed (one run) and passed. */
  readonly replayed: boolean;
  readonly coverage: CampaignCoverage;
  /** Metrics of the last run (see `metricsOf`); undefined when nothing ran. */
  readonly metrics: StreamMetrics | undefined;
  /** Counters summed and IteratorAge maximised over every run. */
  readonly totals: MetricTotals;
  /** Per advisory (e.g. `event-mutation`): in how many runs it was raised. Printed as a warning once per check. */
  readonly advisories: Readonly<Record<string, number>>;
}

/** Where the seed came from: an option layer, a replay token, or chosen at random. */
export type SeedSource = 'call' | 'environment' | 'plugin' | 'replay' | 'random';

/**
 * Checks a DynamoDB-Streams handler against generated scenarios: each run gets fresh deps, the
 * simulated event source mapping feeds the handler (through a fault-injecting proxy of the deps),
 * and the built-in invariants and then `options.invariant` must hold. Stored regression scenarios
 * of this check run first. The check plans its real time inside the current test's timeout (or
 * `timeBudgetMs`). On failure, throws a `ShardcheckFailure` whose message is the report of the
 * shrunk scenario; its line 2 is a command that reruns exactly that counterexample.
 */
export async function checkStreamHandler<D extends object>(options: CheckStreamHandlerOptions<D>): Promise<RunSummary> {
  const cwd = process.cwd();
  const test = currentTestContext(cwd);
  const q = qualifyCheckOptions(options, { cwd, test, script: process.argv[1], env: environmentOptions(process.env), plugin: currentPluginDefaults() });
  const replay = replayFor(q, parseReplayToken(process.env.SHARDCHECK_REPLAY));
  if (q.regressions !== undefined) claimIdentity(q.identity, test, q.fingerprint);
  const budget = new Budget(q.timeBudgetMs, q.budgetSource, test?.signal);
  const progress = new Progress(q.identity.label, budget, q.verbose ? (line) => console.log(line) : undefined);
  const seed = replay?.seed ?? q.seed ?? randomSeed();
  const seedSource: SeedSource = replay !== undefined ? 'replay' : q.seed === undefined ? 'random' : (q.sources.seed ?? 'call');
  const campaign: Campaign<D> = { options: q, tally: new CoverageTally(), metrics: [], advisories: new Map(), budget, progress, seed };
  for (const warning of q.deployment?.deployment.warnings ?? []) progress.note(`deployment: ${warning}`);
  progress.note(`seed ${seed} (${seedSource}), budget ${seconds(q.timeBudgetMs)} (${q.budgetSource})${replay === undefined ? '' : `, replaying ${process.env.SHARDCHECK_REPLAY}`}`);
  const path = replay?.path ?? q.path;
  const corpus = path === undefined ? await replayCorpus(campaign) : { runs: 0, stale: [] };
  const result = await searchCampaign({ options: q, seed, path, budget, progress, onRun: (outcome) => record(campaign, outcome) });
  if (result.found !== undefined) return failCampaign(campaign, result.found, replay?.removals ?? '', path !== undefined);
  const runs = corpus.runs + result.runs;
  const summary: RunSummary = {
    runs,
    plannedRuns: q.numRuns,
    regressionRuns: corpus.runs,
    staleRegressions: corpus.stale,
    seed,
    seedSource,
    interrupted: result.interrupted,
    budgetMs: q.timeBudgetMs,
    budgetSource: q.budgetSource,
    elapsedMs: budget.elapsedMs(),
    replayed: path !== undefined,
    coverage: campaign.tally.summary(),
    metrics: campaign.metrics.at(-1),
    totals: aggregateMetrics(campaign.metrics),
    advisories: Object.fromEntries([...campaign.advisories].map(([name, { runs }]) => [name, runs])),
  };
  for (const [name, { runs: count, summary: first }] of campaign.advisories) {
    console.warn(`shardcheck: ${q.identity.label}: advisory ${name} in ${count} of ${runs} runs (it does not fail the check): ${first}. Silence it with disable: { '${name}': 'why' }`);
  }
  healthChecks(q, summary);
  if (result.interrupted) budgetNote(q, summary, budget.aborted);
  if (q.coverage) console.log([`shardcheck: ${q.identity.label}: ${runs} runs passed${result.interrupted ? ` (${runs} of ${q.numRuns + corpus.runs} planned; time budget)` : ''}`, ...renderCoverage(summary.coverage)].join('\n'));
  return summary;
}

/** The token when it names this check; a token of this check made under other options is refused. */
function replayFor<D extends object>(q: QualifiedCheckOptions<D>, token: ReplayToken | undefined): ReplayToken | undefined {
  if (token === undefined) return undefined;
  if (token.check !== q.identity.hash) {
    if (q.verbose) console.log(`shardcheck: ${q.identity.label}: SHARDCHECK_REPLAY names another check (${token.check}, this is ${q.identity.hash}); running the campaign`);
    return undefined;
  }
  if (token.options !== q.fingerprint) {
    throw new ShardcheckError(
      `SHARDCHECK_REPLAY was printed under other options of this check (options ${token.options}, now ${q.fingerprint}: table, mapping, faults, scenario or deployment changed since), so it would rebuild another scenario (got ${process.env.SHARDCHECK_REPLAY}); restore the options, or run the test without SHARDCHECK_REPLAY to search again`,
    );
  }
  return token;
}

/** Replays every stored scenario of this check that still fits it; fails with the first that fails. */
async function replayCorpus<D extends object>(campaign: Campaign<D>): Promise<{ runs: number; stale: readonly StaleEntry[] }> {
  const q = campaign.options;
  if (q.regressions === undefined) return { runs: 0, stale: [] };
  const { entries, stale } = loadCorpus(q.regressions, q.fingerprint);
  for (const entry of stale) console.warn(`shardcheck: ${q.identity.label}: stored regression ${entry.file} not replayed: ${entry.reason}. Delete it if it is no longer wanted.`);
  for (const [index, entry] of entries.entries()) {
    const outcome = await runScenario(q, entry.scenario);
    record(campaign, outcome);
    if (outcome.failure !== undefined) {
      return failCampaign(campaign, { scenario: entry.scenario, outcome, seed: entry.seed, path: entry.path, numRuns: index + 1, shrinks: 0, shrinkStopped: false }, '', true, entry.file);
    }
  }
  if (entries.length > 0) campaign.progress.note(`${entries.length} stored regression scenarios passed (${q.regressions})`);
  return { runs: entries.length, stale };
}

function record<D extends object>(campaign: Campaign<D>, outcome: RunOutcome): void {
  campaign.tally.add(outcome.trace);
  campaign.metrics.push(metricsOf(outcome.trace));
  for (const advisory of outcome.verdict.advisories ?? []) {
    const seen = campaign.advisories.get(advisory.invariant);
    campaign.advisories.set(advisory.invariant, { runs: (seen?.runs ?? 0) + 1, summary: seen?.summary ?? advisory.summary });
  }
}

/** Fewer runs than this may all be empty by chance (about 1 generated run in 20 delivers nothing). */
const VACUOUS_MIN_RUNS = 3;

/** A campaign in which the handler never received a record checked nothing: it fails, unless suppressed. */
function healthChecks<D extends object>(q: QualifiedCheckOptions<D>, summary: RunSummary): void {
  if (summary.runs < VACUOUS_MIN_RUNS || summary.replayed || summary.totals.Invocations > 0 || q.suppressHealthChecks.includes('vacuous')) return;
  const reasons = [
    q.sources.mapping !== undefined ? 'the mapping you pinned (enabled: false, or a LATEST start that skips every write?)' : '',
    q.sources.faults !== undefined ? 'the faults you chose (throttles on every invocation?)' : '',
    q.sources.scenario !== undefined ? 'the scenario options (no operations?)' : '',
  ].filter((r) => r !== '');
  throw new ShardcheckHealthError(
    'vacuous',
    `shardcheck: ${q.identity.label}: vacuous campaign: the handler was never invoked in ${summary.runs} runs, so nothing was checked${reasons.length === 0 ? '' : `; look at ${reasons.join(', ')}`}. Pass suppressHealthChecks: ['vacuous'] if that is intended.`,
  );
}

/** A campaign cut short by its budget passes and says so, or fails with `failOnBudget`. */
function budgetNote<D extends object>(q: QualifiedCheckOptions<D>, summary: RunSummary, aborted: boolean): void {
  const why = aborted ? 'the test was aborted' : `the time budget of ${seconds(q.timeBudgetMs)} (${q.budgetSource}) was spent`;
  const text = `shardcheck: ${q.identity.label}: ran ${summary.runs - summary.regressionRuns} of ${q.numRuns} runs: ${why}; raise the test's timeout or timeBudgetMs, or lower numRuns`;
  if (q.failOnBudget && !aborted) throw new ShardcheckError(`${text} (failOnBudget is set)`);
  console.warn(text);
}
