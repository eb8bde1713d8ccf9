import { inspect } from 'node:util';
import type { FailureReport, HandlerLogLine, RenderOptions, UserError } from './failureReport.js';
import { findHints } from './findHints.js';
import { headline, settingText } from './headline.js';
import { paint } from './paint.js';
import { renderCoverage } from './renderCoverage.js';
import { renderMetrics } from './renderMetrics.js';
import { renderScenario } from './renderScenario.js';
import { renderTimeline } from './renderTimeline.js';
import { renderWitnesses } from './renderWitnesses.js';
import { replayCommand, shellWord } from './replayCommand.js';
import { safeLines, safeText } from './safeText.js';
import { quoted } from '../trace/index.js';
import { metricsOf } from '../trace/metricsOf.js';

const INSPECT = { depth: 8, breakLength: 100, maxArrayLength: 50, maxStringLength: 200, sorted: true } as const;
const MAX_VALUE_LINES = 40;

/** A value of an assertion, as `util.inspect` shows it, capped. */
function valueLines(label: string, value: unknown): string[] {
  const lines = safeLines(inspect(value, INSPECT));
  const shown = lines.slice(0, MAX_VALUE_LINES).map((line) => `      ${line}`);
  if (lines.length > MAX_VALUE_LINES) shown.push(`      … ${lines.length - MAX_VALUE_LINES} more lines`);
  return [`    ${label}:`, ...shown];
}

/** The user's invariant error: every line of its message, made safe, its expected/actual values, then the top of its stack. */
function userError(error: UserError): string[] {
  const out = ['your invariant threw', `  ${safeText(error.name)}:`, ...safeLines(error.message).map((line) => `    ${line}`)];
  if (error.hasDiff === true) out.push(...valueLines('expected', error.expected), ...valueLines('actual', error.actual));
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 3);
  for (const frame of frames) out.push(`    ${safeText(frame.trim())}`);
  return out;
}

const MAX_LOG_LINES = 30;

/** What the handler printed in the counterexample's run, collapsed to its first lines with a count. */
function handlerOutput(logs: readonly HandlerLogLine[]): string[] {
  if (logs.length === 0) return [];
  const invocations = new Set(logs.map((l) => l.dispatch)).size;
  const out = [`handler output (${logs.length} line${logs.length === 1 ? '' : 's'} in ${invocations} invocation${invocations === 1 ? '' : 's'} of this run)`];
  for (const line of logs.slice(0, MAX_LOG_LINES)) {
    // A logged Error prints its stack: its first line says what happened.
    const [first = '', ...rest] = line.text.split(/\r?\n/);
    const more = rest.length === 0 ? '' : ` (+${rest.length} line${rest.length === 1 ? '' : 's'})`;
    out.push(`  #${line.dispatch} ${line.source === 'log' || line.source === 'stdout' ? '' : `${line.source}: `}${safeText(first, 300)}${more}`);
  }
  if (logs.length > MAX_LOG_LINES) out.push(`  … ${logs.length - MAX_LOG_LINES} more lines`);
  return out;
}

/** Advisories of the run: facts that do not fail it, each with how to silence it. */
function advisories(report: FailureReport): string[] {
  const list = report.advisories ?? [];
  if (list.length === 0) return [];
  return ['advisories (these do not fail the run)', ...list.map((a) => `  ${a.invariant}: ${safeText(a.summary, 400)} (silence with disable: { '${a.invariant}': 'why' })`)];
}

/** The settings the failure needs that the user did not pin, and how to pin them. */
function unpinned(report: FailureReport): string[] {
  const needs = report.dependsOn ?? [];
  if (needs.length === 0) return [];
  const out = ['settings you did not pin'];
  for (const d of needs) {
    out.push(`  this failure needs ${settingText(d.field, d.value)}, which shardcheck generated; with AWS's default (${JSON.stringify(d.awsDefault) ?? 'unset'}) it passes.`);
  }
  const pins = needs.map((d) => `${d.field}: ${JSON.stringify(d.awsDefault) ?? 'undefined'}`).join(', ');
  out.push(`  if your deployment does not use ${needs.length === 1 ? 'it' : 'them'}, pin the mapping as deployed: mapping: { ${pins} }, or read it from your template (deployment option).`);
  return out;
}

/** The lines right under the replay line: how complete and how certain the counterexample is, and where it is kept. */
function status(report: FailureReport): string[] {
  const out: string[] = [];
  if (report.shrinkStopped !== undefined) {
    const { steps, elapsedMs } = report.shrinkStopped;
    out.push(`shrinking stopped after ${steps} step${steps === 1 ? '' : 's'}, ${(elapsedMs / 1000).toFixed(1)} s (time budget): this is the smallest counterexample found in time`);
  }
  if (report.flaky !== undefined) {
    out.push(`flaky: the same scenario ${report.flaky.rerun} when run again: the handler or its invariant depends on something outside the scenario (real time, randomness, state kept between runs)`);
  }
  if (report.storedAt !== undefined) out.push(`stored for regression replay: ${quoted(report.storedAt)}`);
  if (report.storeError !== undefined) out.push(`warning: not stored for regression replay: ${safeText(report.storeError)}`);
  return out;
}

/**
 * The failure report as text: headline, `replay:` line, status, the cause with its witnesses,
 * hints, unpinned settings, the shrunk scenario, the handler's output, the per-shard timeline, the
 * run's metrics and, when given, the campaign coverage. Colour only when `options.color`; all user
 * data is escaped.
 */
export function renderFailure(report: FailureReport, options: RenderOptions = {}): string {
  const color = options.color ?? false;
  const out = [paint(headline(report), 'red', color), `replay: ${replayCommand(report)}`, ...status(report)];
  const sections: string[][] = [];
  if (report.cause.kind === 'user-invariant') sections.push(userError(report.cause.error));
  else sections.push(renderWitnesses(report.trace, report.cause.verdict.anomalies));
  const hints = findHints(report);
  if (hints.length > 0) sections.push(['hints', ...hints.map((hint) => `  ${paint(`hint: ${hint.text}`, 'yellow', color)}`)]);
  sections.push(unpinned(report));
  sections.push(advisories(report));
  sections.push(renderScenario(report.scenario, report.trace));
  sections.push(handlerOutput(report.logs ?? []));
  sections.push(renderTimeline(report.trace, { maxLines: options.maxTimelineLines ?? 80, ...(report.traceFile === undefined ? {} : { explainCommand: explainCommand(report.traceFile, report.storedAt) }) }));
  sections.push(renderMetrics(metricsOf(report.trace), report.trace));
  if (report.coverage !== undefined) sections.push(renderCoverage(report.coverage));
  for (const section of sections) if (section.length > 0) out.push('', ...section);
  return `${out.join('\n')}\n`;
}

/** `shardcheck explain` finds the trace stored beside a corpus scenario (`<hash>.trace.json`). */
function explainCommand(traceFile: string, scenarioFile: string | undefined): string {
  return `npx shardcheck explain ${shellWord(scenarioFile ?? traceFile)}`;
}
