import type { Trace } from './trace.js';
import { traceSummary, type ShardSummary } from './traceSummary.js';
import { formatVirtualTime, quoted, recordText } from './traceText.js';

const COLUMNS: readonly [string, (s: ShardSummary) => number][] = [
  ['records', (s) => s.records],
  ['invocations', (s) => s.invocations],
  ['errors', (s) => s.errors],
  ['partial', (s) => s.partial],
  ['throttles', (s) => s.throttles],
  ['retries', (s) => s.retries],
  ['bisects', (s) => s.bisects],
  ['discarded', (s) => s.discarded],
  ['trimmed', (s) => s.trimmed],
];

/**
 * A short summary block of a trace: how it ended, a table of per-shard counts with the final
 * checkpoint, execution environments, faults and findings. No colour.
 */
export function summarizeTrace(trace: Trace): string {
  const summary = traceSummary(trace);
  const end = summary.end === null ? 'no end event (incomplete trace)' : `${summary.end.reason} at ${formatVirtualTime(summary.end.t)}`;
  const invocations = summary.shards.reduce((n, s) => n + s.invocations, 0);
  const rows = [['shard', ...COLUMNS.map(([name]) => name), 'checkpoint']];
  for (const s of summary.shards) {
    const checkpoint = s.checkpoint === null ? `- (0/${s.records})` : `${recordText(trace.records, s.checkpoint)} (${s.checkpointed}/${s.records})`;
    rows.push([String(s.shard), ...COLUMNS.map(([, count]) => String(count(s))), checkpoint]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const table = rows.map((row) => `  ${row.map((cell, c) => (c === row.length - 1 ? cell : cell.padStart(widths[c]!))).join('  ')}`.trimEnd());
  const { started, recycled, recycleReasons } = summary.environments;
  return [
    `summary      ${end}; ${trace.records.length} records on ${trace.shards.length} shards, ${invocations} invocations`,
    ...table,
    `environments ${started} started, ${recycled} recycled${recycled === 0 ? '' : ` (${counts(recycleReasons)})`}`,
    `faults       ${counts(summary.faults) || 'none'}`,
    `findings     ${counts(summary.findings) || 'none'}`,
  ].join('\n') + '\n';
}

function counts(byKind: Readonly<Record<string, number>>): string {
  return Object.entries(byKind)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, n]) => `${quoted(kind)} ${n}`)
    .join(', ');
}
