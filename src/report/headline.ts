import type { Anomaly } from '../check/anomaly.js';
import { oneLine } from '../trace/index.js';
import type { FailureReport } from './failureReport.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The anomaly the headline names: the first of the verdict's most severe kind. */
export function leadAnomaly(report: FailureReport): Anomaly | undefined {
  if (report.cause.kind !== 'verdict') return undefined;
  const { anomalies, kind } = report.cause.verdict;
  return anomalies.find((a) => a.kind === kind) ?? anomalies[0];
}

/** `R32/R38` from an anomaly's rule text (`R32`, `R32, R38`, `R32/R38`). */
export function rulesText(rule: string): string {
  return rule
    .split(/[\s,/]+/)
    .filter((r) => r.length > 0)
    .join('/');
}

/** What failed, without the counts: `no-skip violated (correctness, R32/R38)` or `your invariant failed: Error: …`. */
function what(report: FailureReport): string {
  if (report.cause.kind === 'user-invariant') {
    const { name, message } = report.cause.error;
    const first = message.split(/\r\n|\n|\r/)[0] ?? '';
    return `your invariant failed: ${oneLine(`${name}: ${first}`)}`;
  }
  const lead = leadAnomaly(report);
  if (lead === undefined) return 'the run failed';
  const rules = rulesText(lead.rule);
  const others = report.cause.verdict.anomalies.length - 1;
  const more = others === 0 ? '' : ` (+${others} more ${others === 1 ? 'anomaly' : 'anomalies'})`;
  return `${lead.invariant} violated (${lead.kind}${rules === '' ? '' : `, ${rules}`})${more}`;
}

/** `mapping.functionResponseTypes = ["ReportBatchItemFailures"]`. */
export function settingText(field: string, value: unknown): string {
  return `mapping.${field} = ${JSON.stringify(value) ?? String(value)}`;
}

/**
 * Line 1 of the report: `shardcheck: no-skip violated (correctness, R32/R38) after 37 runs, shrunk
 * 12 times`, or `shardcheck: your invariant failed: Error: … (after …)`; a counterexample that
 * passed when rerun is headed `flaky`, and one that needs a setting the user did not pin says so.
 */
export function headline(report: FailureReport): string {
  const counts = `after ${plural(report.numRuns, 'run')}, shrunk ${plural(report.shrinks, 'time')}`;
  const body = report.cause.kind === 'user-invariant' ? `${what(report)} (${counts})` : `${what(report)} ${counts}`;
  const flaky = report.flaky === undefined ? '' : 'flaky: ';
  const needs = report.dependsOn === undefined || report.dependsOn.length === 0 ? '' : ` — needs ${report.dependsOn.map((d) => settingText(d.field, d.value)).join(' and ')}, which you did not pin (generated)`;
  return `shardcheck: ${flaky}${body}${needs}`;
}
