import type { FailureReport } from '../report/failureReport.js';

/** What `checkStreamHandler` throws when a run fails: the message is the rendered report, `report` the data. */
export class ShardcheckFailure extends Error {
  readonly report: FailureReport;

  constructor(message: string, report: FailureReport) {
    super(message);
    this.name = 'ShardcheckFailure';
    this.report = report;
  }
}
