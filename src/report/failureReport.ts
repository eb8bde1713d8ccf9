import type { Advisory, Verdict } from '../check/anomaly.js';
import type { CampaignCoverage } from '../coverage/CoverageTally.js';
import type { Model } from '../model/Model.js';
import type { ScenarioParameters } from '../scenario/scenario.js';
import type { Trace } from '../trace/trace.js';

/** The user's invariant error, kept whole: vitest's `expected`/`actual` let a runner print its own diff. */
export interface UserError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  /** The error carried `expected` and `actual` (an assertion error). */
  readonly hasDiff?: boolean;
}

/** Why a run failed: a built-in invariant (the verdict), or the user's invariant threw. */
export type FailureCause =
  | { readonly kind: 'verdict'; readonly verdict: Verdict }
  | { readonly kind: 'user-invariant'; readonly error: UserError };

/** How to rerun exactly this counterexample (the report's line 2). */
export interface ReplayTarget {
  /** `SHARDCHECK_REPLAY` for this counterexample; undefined when rerunning the test is enough (a stored regression fails first). */
  readonly token: string | undefined;
  /** The test that found it, when a test runner said. */
  readonly test?: { readonly runner: 'vitest' | 'jest'; readonly file: string | undefined; readonly names: readonly string[] };
  /** Outside a test runner: the command line of the script (`process.execPath`, `execArgv`, `argv` after it). */
  readonly script?: { readonly execArgv: readonly string[]; readonly argv: readonly string[] };
}

/** A generated mapping setting the user did not pin, without which (AWS's default) the counterexample passes. */
export interface SettingDependence {
  readonly field: string;
  readonly value: unknown;
  readonly awsDefault: unknown;
}

/** One console line the handler wrote during the counterexample's run. */
export interface HandlerLogLine {
  /** The invocation (dispatch) it belongs to. */
  readonly dispatch: number;
  /** The console method or stream it was written with: `log`, `error`, `stdout`, … */
  readonly source: string;
  readonly text: string;
}

/** Everything the failure report is rendered from: data first, text second. */
export interface FailureReport {
  readonly cause: FailureCause;
  /** The shrunk scenario and its run. */
  readonly scenario: ScenarioParameters;
  readonly trace: Trace;
  readonly model: Model;
  /** fast-check replay token of the counterexample (before the last shrinking pass). */
  readonly seed: number;
  readonly path: string;
  /** Runs before the failure was found, and shrink steps. */
  readonly numRuns: number;
  readonly shrinks: number;
  /** How to rerun it; without one the line names the seed and path only. */
  readonly replay?: ReplayTarget;
  /** Shrinking ran out of its time budget: the counterexample is the smallest found so far. */
  readonly shrinkStopped?: { readonly steps: number; readonly elapsedMs: number };
  /** The counterexample did not fail again when rerun once: what the rerun gave. */
  readonly flaky?: { readonly rerun: string };
  /** Settings the failure needs that shardcheck generated because the user did not pin them. */
  readonly dependsOn?: readonly SettingDependence[];
  /** Advisories of the counterexample's run: worth knowing, never a failure. */
  readonly advisories?: readonly Advisory[];
  /** What the handler printed during the counterexample's run. */
  readonly logs?: readonly HandlerLogLine[];
  /** Where the failing scenario was stored in the regression corpus, if it was. */
  readonly storedAt?: string;
  /** The counterexample's full trace, written when the report's timeline is cut short (for `shardcheck explain`). */
  readonly traceFile?: string;
  /** Why it could not be stored (the report is printed all the same). */
  readonly storeError?: string;
  /** Campaign coverage, when asked for. */
  readonly coverage?: CampaignCoverage;
}

export interface RenderOptions {
  /** ANSI colour; the caller decides (only on a TTY). Default false. */
  readonly color?: boolean;
  /** Cap on timeline lines (the full trace can be rendered with `shardcheck explain`). Default 80. */
  readonly maxTimelineLines?: number;
}
