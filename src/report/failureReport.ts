import type { Verdict } from '../check/anomaly.js';
import type { CampaignCoverage } from '../coverage/CoverageTally.js';
import type { Model } from '../model/Model.js';
import type { ScenarioParameters } from '../scenario/scenario.js';
import type { Trace } from '../trace/trace.js';

/** Why a run failed: a built-in invariant (the verdict), or the user's invariant threw. */
export type FailureCause =
  | { readonly kind: 'verdict'; readonly verdict: Verdict }
  | { readonly kind: 'user-invariant'; readonly error: { readonly name: string; readonly message: string; readonly stack?: string } };

/** Everything the failure report is rendered from: data first, text second (DESIGN §6). */
export interface FailureReport {
  readonly cause: FailureCause;
  /** The shrunk scenario and its run. */
  readonly scenario: ScenarioParameters;
  readonly trace: Trace;
  readonly model: Model;
  /** fast-check replay token of the shrunk counterexample. */
  readonly seed: number;
  readonly path: string;
  /** Runs before the failure was found, and shrink steps. */
  readonly numRuns: number;
  readonly shrinks: number;
  /** The test that found it, when known (vitest), for the replay line. */
  readonly testFile?: string;
  readonly testName?: string;
  /** Where the failing scenario was stored in the regression corpus, if it was. */
  readonly storedAt?: string;
  /** Campaign coverage, when asked for. */
  readonly coverage?: CampaignCoverage;
}

export interface RenderOptions {
  /** ANSI colour; the caller decides (only on a TTY). Default false. */
  readonly color?: boolean;
  /** Cap on timeline lines (the full trace can be rendered with `shardcheck explain`). Default 80. */
  readonly maxTimelineLines?: number;
}
