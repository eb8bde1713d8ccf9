/*
 * A check plans its real time inside the test's timeout so the report always arrives before the
 * runner gives up: searching may use the first 60 % of the budget, shrinking runs until 90 %, and
 * the rest is for confirming the counterexample and rendering the report.
 */

export const SEARCH_SHARE = 0.6;
export const SHRINK_SHARE = 0.9;
/** Outside a test runner (a script) a check still ends: 2 minutes unless `timeBudgetMs` says otherwise. */
export const DEFAULT_BUDGET_MS = 120_000;

export type BudgetSource = 'option' | 'test timeout' | 'default';

export class Budget {
  readonly totalMs: number;
  readonly source: BudgetSource;
  private readonly start: number;
  private readonly signal: AbortSignal | undefined;
  private readonly now: () => number;
  /** The longest run so far: a run cannot be stopped once started, so no run starts unless this much time is left. */
  private longestRunMs = 0;

  constructor(totalMs: number, source: BudgetSource, signal?: AbortSignal, now: () => number = Date.now) {
    this.totalMs = totalMs;
    this.source = source;
    this.signal = signal;
    this.now = now;
    this.start = now();
  }

  elapsedMs(): number {
    return this.now() - this.start;
  }

  /** The test was aborted by its runner: stop at once, nothing more will be read. */
  get aborted(): boolean {
    return this.signal?.aborted === true;
  }

  /** No new generated run starts after this. */
  searchOver(): boolean {
    return this.aborted || this.elapsedMs() >= this.totalMs * SEARCH_SHARE;
  }

  /** No new shrink step starts after this. */
  shrinkOver(): boolean {
    return this.aborted || this.elapsedMs() + this.longestRunMs >= this.totalMs * SHRINK_SHARE;
  }

  /** Whether one more run (a confirmation) still fits before the budget ends, leaving a little for the report. */
  fitsAnotherRun(): boolean {
    return !this.aborted && this.elapsedMs() + this.longestRunMs <= this.totalMs * 0.97;
  }

  /** Times one run. */
  async timed<T>(run: () => Promise<T>): Promise<T> {
    const start = this.now();
    try {
      return await run();
    } finally {
      this.longestRunMs = Math.max(this.longestRunMs, this.now() - start);
    }
  }

  /** Milliseconds left of the search share (fast-check's hard stop for the search). */
  untilSearchEndMs(): number {
    return Math.max(1, Math.floor(this.totalMs * SEARCH_SHARE - this.elapsedMs()));
  }

  /** Milliseconds left until shrinking must end (fast-check's hard stop). */
  untilShrinkEndMs(): number {
    return Math.max(1, Math.floor(this.totalMs * SHRINK_SHARE - this.elapsedMs()));
  }

  /** Time left before the whole budget is spent. */
  remainingMs(): number {
    return this.totalMs - this.elapsedMs();
  }
}
