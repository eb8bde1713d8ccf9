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

/**
 * Line 1 of the report: `shardcheck: no-skip violated (correctness, R32/R38) after 37 runs, shrunk
 * 12 times`, or `shardcheck: your invariant failed: Error: … (after …)` for the user's invariant.
 */
export function headline(report: FailureReport): string {
  const tail = ` after ${plural(report.numRuns, 'run')}, shrunk ${plural(report.shrinks, 'time')}`;
  if (report.cause.kind === 'user-invariant') {
    const { name, message } = report.cause.error;
    const first = message.split(/\r\n|\n|\r/)[0] ?? '';
    return `shardcheck: your invariant failed: ${oneLine(`${name}: ${first}`)} (${tail.trim()})`;
  }
  const lead = leadAnomaly(report);
  if (lead === undefined) return `shardcheck: the run failed${tail}`;
  const rules = rulesText(lead.rule);
  const others = report.cause.verdict.anomalies.length - 1;
  const more = others === 0 ? '' : ` (+${plural(others, 'more anomaly')})`.replace('anomalys', 'anomalies');
  return `shardcheck: ${lead.invariant} violated (${lead.kind}${rules === '' ? '' : `, ${rules}`})${tail}${more}`;
}
