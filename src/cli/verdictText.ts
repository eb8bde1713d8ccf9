import type { Verdict } from '../check/index.js';
import type { Model } from '../model/index.js';
import { findHints, headline, renderWitnesses, type FailureCause, type FailureReport } from '../report/index.js';
import type { ScenarioParameters } from '../scenario/index.js';
import type { Trace } from '../trace/index.js';

/**
 * A failure report for one run of a stored scenario: no campaign, so no runs or shrinks; the
 * stored replay token when the file had one (regression corpus), else 0 and "".
 */
export function singleRunReport(cause: FailureCause, scenario: ScenarioParameters, trace: Trace, model: Model, token?: { seed: number; path: string }): FailureReport {
  return { cause, scenario, trace, model, seed: token?.seed ?? 0, path: token?.path ?? '', numRuns: 1, shrinks: 0 };
}

/** The report's headline without the campaign's `after 1 run, shrunk 0 times`. */
export function singleRunHeadline(report: FailureReport): string {
  const text = headline(report);
  if (report.cause.kind === 'user-invariant') return text.replace(/ \(after 1 run, shrunk 0 times\)$/, '');
  return text.replace(' after 1 run, shrunk 0 times', '');
}

/** The verdict of a stored trace against its scenario's model: PASS, or FAIL with witnesses and hints. */
export function verdictLines(verdict: Verdict, scenario: ScenarioParameters, trace: Trace, model: Model, scenarioFile: string): string[] {
  if (verdict.valid) return [`verdict of the built-in invariants against the scenario in ${scenarioFile}`, 'PASS every built-in invariant holds'];
  const report = singleRunReport({ kind: 'verdict', verdict }, scenario, trace, model);
  const out = [`verdict of the built-in invariants against the scenario in ${scenarioFile}`, `FAIL ${singleRunHeadline(report).replace(/^shardcheck: /, '')}`, '', ...renderWitnesses(trace, verdict.anomalies)];
  const hints = findHints(report);
  if (hints.length > 0) out.push('', 'hints', ...hints.map((hint) => `  hint: ${hint.text}`));
  return out;
}
