import fc from 'fast-check';
import type { ScenarioParameters } from '../scenario/index.js';
import type { Budget } from './Budget.js';
import type { QualifiedCheckOptions } from './checkOptions.js';
import type { Progress } from './Progress.js';
import { runScenario, type RunOutcome } from './runScenario.js';

/** A failing scenario as fast-check left it, with the run that showed the failure. */
export interface Found {
  readonly scenario: ScenarioParameters;
  readonly outcome: RunOutcome;
  readonly seed: number;
  readonly path: string;
  /** Generated runs up to and including the first failure. */
  readonly numRuns: number;
  readonly shrinks: number;
  /** Shrinking ran out of budget before fast-check was done. */
  readonly shrinkStopped: boolean;
  /** The failure did not show again when its path was replayed to shrink it: what it gave then. */
  readonly notReproduced?: string;
}

export interface SearchResult {
  /** Generated runs that ran to the end (not counting shrink attempts). */
  readonly runs: number;
  /** The budget (or an aborted test) stopped the search before `numRuns`. */
  readonly interrupted: boolean;
  readonly found: Found | undefined;
}

export interface SearchInput<D extends object> {
  readonly options: QualifiedCheckOptions<D>;
  readonly seed: number;
  /** Replay: run only this path (no shrinking). */
  readonly path: string | undefined;
  readonly budget: Budget;
  readonly progress: Progress;
  /** Every run before the first failure (coverage and metrics). */
  readonly onRun: (outcome: RunOutcome) => void;
}

/** Thrown by the property to end the search at once (fast-check has no abort of its own). */
const STOP = Symbol('shardcheck: search budget spent');

/**
 * fast-check's search, then its shrinking, as two `fc.check` calls under the check's budget: the
 * search ends at the first failure (or when its share of the budget is spent, or the test is
 * aborted); shrinking replays that failure's path and shrinks from it until done or out of time,
 * keeping the smallest failure so far. Replaying a given path runs only that path.
 */
export async function searchCampaign<D extends object>(input: SearchInput<D>): Promise<SearchResult> {
  const { options: q, budget, progress } = input;
  let runs = 0;
  let stopped = false;
  let first: RunOutcome | undefined;
  const search = fc.asyncProperty(q.arbitrary, async (scenario) => {
    if (budget.searchOver()) {
      stopped = true;
      throw STOP;
    }
    const outcome = await budget.timed(() => runScenario(q, scenario));
    runs++;
    input.onRun(outcome);
    progress.run(runs, q.numRuns);
    if (outcome.failure === undefined) return true;
    first = outcome;
    return false;
  });
  const searched = await fc.check(search, {
    seed: input.seed,
    numRuns: q.numRuns,
    endOnFailure: true,
    ...(input.path === undefined ? { interruptAfterTimeLimit: budget.untilSearchEndMs(), markInterruptAsFailure: false } : { path: input.path }),
  });
  const interrupted = stopped || searched.interrupted;
  if (!searched.failed || stopped || first === undefined || searched.counterexample === null || searched.counterexamplePath === null) {
    return { runs, interrupted, found: undefined };
  }
  const found: Found = { scenario: searched.counterexample[0], outcome: first, seed: searched.seed, path: searched.counterexamplePath, numRuns: input.path === undefined ? runs : 1, shrinks: 0, shrinkStopped: false };
  return { runs, interrupted: false, found: input.path === undefined ? await shrink(input, found) : found };
}

/** Replays the failure's path and lets fast-check shrink from it; a step that would overrun the budget is not taken. */
async function shrink<D extends object>(input: SearchInput<D>, found: Found): Promise<Found> {
  const { options: q, budget, progress } = input;
  let steps = 0;
  let stopped = false;
  let smallest: { scenario: ScenarioParameters; outcome: RunOutcome } | undefined;
  let replayed: RunOutcome | undefined;
  const property = fc.asyncProperty(q.arbitrary, async (scenario) => {
    if (replayed !== undefined && budget.shrinkOver()) {
      // Passing the rest ends fast-check's shrinking with the smallest failure so far.
      stopped = true;
      return true;
    }
    const outcome = await budget.timed(() => runScenario(q, scenario));
    if (replayed === undefined) replayed = outcome;
    else progress.shrink(++steps);
    if (outcome.failure === undefined) return true;
    smallest = { scenario, outcome };
    return false;
  });
  const details = await fc.check(property, { seed: found.seed, path: found.path, interruptAfterTimeLimit: budget.untilShrinkEndMs(), markInterruptAsFailure: false });
  if (!details.failed || smallest === undefined || details.counterexample === null || details.counterexamplePath === null) {
    // The failure did not show again when replayed: report the first run, flagged.
    return { ...found, notReproduced: replayed?.failure === undefined ? 'passed' : 'failed differently' };
  }
  const scenario = details.counterexample[0];
  const rerun = smallest.scenario === scenario ? smallest.outcome : await runScenario(q, scenario);
  // fast-check reports the last failing value it ran; should it differ from ours and pass, keep ours.
  const [last, outcome] = rerun.failure === undefined ? [smallest.scenario, smallest.outcome] : [scenario, rerun];
  return { ...found, scenario: last, outcome, path: details.counterexamplePath, shrinks: details.numShrinks, shrinkStopped: stopped || details.interrupted };
}
