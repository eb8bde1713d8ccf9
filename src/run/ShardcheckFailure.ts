import { ShardcheckError } from '../core/index.js';
import type { FailureReport } from '../report/failureReport.js';

/**
 * What `checkStreamHandler` throws when a run fails: the message is the rendered report, `report`
 * the data. When the user's invariant failed on an assertion, its `expected` and `actual` are
 * copied here, so a test runner prints its own diff of them (vitest and jest do) below the report.
 */
export class ShardcheckFailure extends Error {
  readonly report: FailureReport;
  declare readonly expected?: unknown;
  declare readonly actual?: unknown;
  declare readonly showDiff?: boolean;

  constructor(message: string, report: FailureReport) {
    super(message);
    this.name = 'ShardcheckFailure';
    this.report = report;
    const cause = report.cause;
    if (cause.kind === 'user-invariant' && cause.error.hasDiff === true) {
      Object.assign(this, { expected: cause.error.expected, actual: cause.error.actual, showDiff: true });
    }
  }
}

/** A campaign that checked nothing (see `suppressHealthChecks`). A flaky counterexample is a `ShardcheckFailure` with `report.flaky`. */
export class ShardcheckHealthError extends ShardcheckError {
  readonly check: 'vacuous';

  constructor(check: 'vacuous', message: string) {
    super(message);
    this.name = 'ShardcheckHealthError';
    this.check = check;
  }
}
