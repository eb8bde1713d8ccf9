import type { FailureReport, RenderOptions } from './failureReport.js';
import { findHints } from './findHints.js';
import { headline } from './headline.js';
import { paint } from './paint.js';
import { renderCoverage } from './renderCoverage.js';
import { renderMetrics } from './renderMetrics.js';
import { renderScenario } from './renderScenario.js';
import { renderTimeline } from './renderTimeline.js';
import { renderWitnesses } from './renderWitnesses.js';
import { replayCommand } from './replayCommand.js';
import { safeLines, safeText } from './safeText.js';
import { quoted } from '../trace/index.js';
import { metricsOf } from '../trace/metricsOf.js';

/** The user's invariant error: every line of its message, made safe, then the top of its stack. */
function userError(error: { readonly name: string; readonly message: string; readonly stack?: string }): string[] {
  const out = ['your invariant threw', `  ${safeText(error.name)}:`, ...safeLines(error.message).map((line) => `    ${line}`)];
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 3);
  for (const frame of frames) out.push(`    ${safeText(frame.trim())}`);
  return out;
}

/**
 * The failure report (DESIGN §6) as text: headline, replay command, where it was stored, the cause
 * with its witnesses, hints, the shrunk scenario, the per-shard timeline, the run's metrics and,
 * when given, the campaign coverage. Colour only when `options.color`; all user data is escaped.
 */
export function renderFailure(report: FailureReport, options: RenderOptions = {}): string {
  const color = options.color ?? false;
  const out = [paint(headline(report), 'red', color), replayCommand(report)];
  if (report.storedAt !== undefined) out.push(`stored for regression replay: ${quoted(report.storedAt)}`);
  const sections: string[][] = [];
  if (report.cause.kind === 'user-invariant') sections.push(userError(report.cause.error));
  else sections.push(renderWitnesses(report.trace, report.cause.verdict.anomalies));
  const hints = findHints(report);
  if (hints.length > 0) sections.push(['hints', ...hints.map((hint) => `  ${paint(`hint: ${hint.text}`, 'yellow', color)}`)]);
  sections.push(renderScenario(report.scenario, report.trace));
  const explainFile = report.storedAt === undefined ? undefined : quoted(report.storedAt);
  sections.push(renderTimeline(report.trace, { maxLines: options.maxTimelineLines ?? 80, ...(explainFile === undefined ? {} : { explainFile }) }));
  sections.push(renderMetrics(metricsOf(report.trace), report.trace));
  if (report.coverage !== undefined) sections.push(renderCoverage(report.coverage));
  for (const section of sections) if (section.length > 0) out.push('', ...section);
  return `${out.join('\n')}\n`;
}
