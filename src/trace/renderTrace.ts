import { isoAt } from '../core/index.js';
import type { Trace } from './trace.js';
import type { TraceEvent } from './traceEvent.js';
import { describeResult } from './describeResult.js';
import { formatVirtualTime, itemKeyText, oneLine, quoted, recordList, recordText } from './traceText.js';

export interface RenderTraceOptions {
  /** Record lists longer than this print as `12 records: k1@5 … k9@16`. Default 4. */
  readonly maxListedRecords?: number;
  /** List every stream record in the header (one line each). Default true. */
  readonly listRecords?: boolean;
}

type Invoke = Extract<TraceEvent, { type: 'invoke' }>;

/** One rendered event: when, where (shard/lane, env, mapping) and what. */
interface Line {
  readonly t: number;
  readonly where: string;
  readonly what: string;
}

/**
 * The compact text notation of a trace: a header (stream, function, shards with lineage, the
 * records), then one line per event, grouped by virtual time. Records are named `key@ordinal`;
 * an invocation and its result share a line when they are adjacent. User data is quoted, so keys
 * and messages with newlines or control characters cannot break the layout. No colour.
 */
export function renderTrace(trace: Trace, options: RenderTraceOptions = {}): string {
  const max = options.maxListedRecords ?? 4;
  const lines = eventLines(trace, max);
  const timeWidth = Math.max(0, ...lines.map((l) => formatVirtualTime(l.t).length));
  const whereWidth = Math.max(0, ...lines.map((l) => l.where.length));
  const out = [...renderHeader(trace, options.listRecords ?? true), `events   ${trace.events.length}`];
  let previous: number | undefined;
  for (const line of lines) {
    const time = line.t === previous ? '' : formatVirtualTime(line.t);
    previous = line.t;
    out.push(`  ${time.padEnd(timeWidth)}  ${line.where.padEnd(whereWidth)}  ${line.what}`.trimEnd());
  }
  return `${out.join('\n')}\n`;
}

function renderHeader(trace: Trace, listRecords: boolean): string[] {
  const out = [`stream   ${trace.streamArn}`, `function ${trace.functionArn}`, `start    ${isoAt(trace.startEpochMs, 0)}`, `shards   ${trace.shards.length}`];
  for (const shard of trace.shards) {
    const children = trace.shards.filter((s) => s.parents.includes(shard.ordinal)).map((s) => s.ordinal);
    const lifetime = `${formatVirtualTime(shard.createdAt)} – ${shard.closedAt === null ? 'open' : formatVirtualTime(shard.closedAt)}`;
    const parents = shard.parents.length === 0 ? '' : `  parent ${shard.parents.join(', ')}`;
    const kids = children.length === 0 ? '' : `  children ${children.join(', ')}`;
    const count = trace.records.filter((r) => r.shard === shard.ordinal).length;
    out.push(`  shard ${shard.ordinal}  ${quoted(shard.id)}  ${lifetime}${parents}${kids}  ${count} records`);
  }
  out.push(`records  ${trace.records.length}`);
  if (!listRecords) return out;
  const width = String(Math.max(0, trace.records.length - 1)).length + 1;
  for (const record of trace.records) {
    const at = `@${record.ordinal}`.padEnd(width);
    out.push(`  ${at}  shard ${record.shard}  ${formatVirtualTime(record.createdAt)}  ${record.eventName.padEnd(6)}  seq ${record.seq}  ${itemKeyText(record)}`);
  }
  return out;
}

function eventLines(trace: Trace, max: number): Line[] {
  const invokes = new Map<number, Invoke>();
  for (const event of trace.events) if (event.type === 'invoke') invokes.set(event.id, event);
  const lines: Line[] = [];
  const events = trace.events;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const next = events[i + 1];
    if (event.type === 'poll' && next?.type === 'batch' && next.shard === event.shard && next.lane === event.lane) {
      const polled = event.records.length === next.records.length ? '' : ` (${event.records.length} polled)`;
      lines.push({ t: next.t, where: laneOf(next), what: `batch ${recordList(trace.records, next.records, max)} cut ${next.cut}${polled}` });
      i++;
    } else if (event.type === 'invoke' && next?.type === 'result' && next.id === event.id) {
      const late = next.t === event.t ? '' : ` at ${formatVirtualTime(next.t)}`;
      lines.push({ t: event.t, where: laneOf(event), what: `${invokeText(trace, event, max)}  → ${describeResult(trace, next, event, max)}${late}` });
      i++;
    } else {
      lines.push({ t: event.t, ...describeEvent(trace, event, invokes, max) });
    }
  }
  return lines;
}

const laneOf = (e: { shard: number; lane: number }): string => `shard ${e.shard}/lane ${e.lane}`;

function invokeText(trace: Trace, e: Invoke, max: number): string {
  const env = e.env === null ? 'no env' : `env ${e.env}`;
  const records = e.records.length > max ? `with ${recordList(trace.records, e.records, max)}` : `records ${recordList(trace.records, e.records, max)}`;
  return `invoke #${e.id} attempt ${e.attempt} ${env}${e.duplicate ? ' duplicate' : ''} ${records}`;
}

/** `1 record [k@5]`, `3 records [a@1, b@2, c@3]` or `12 records: k1@5 … k9@16`. */
function counted(trace: Trace, records: readonly number[], max: number): string {
  const list = recordList(trace.records, records, max);
  return records.length > max ? list : `${records.length} record${records.length === 1 ? '' : 's'} ${list}`;
}

function describeEvent(trace: Trace, e: TraceEvent, invokes: ReadonlyMap<number, Invoke>, max: number): Omit<Line, 't'> {
  const dispatchWhere = (id: number | null | undefined) => {
    const invoke = id === null || id === undefined ? undefined : invokes.get(id);
    return invoke === undefined ? '' : laneOf(invoke);
  };
  switch (e.type) {
    case 'shard-ready':
      return { where: `shard ${e.shard}`, what: `ready ${e.from}${e.startIndex === 0 ? '' : `, skipping ${e.startIndex} records`}` };
    case 'poll':
      return { where: laneOf(e), what: `poll ${recordList(trace.records, e.records, max)}` };
    case 'batch':
      return { where: laneOf(e), what: `batch ${recordList(trace.records, e.records, max)} cut ${e.cut}` };
    case 'invoke':
      return { where: laneOf(e), what: invokeText(trace, e, max) };
    case 'result':
      return { where: dispatchWhere(e.id), what: `result #${e.id} → ${describeResult(trace, e, invokes.get(e.id), max)}` };
    case 'checkpoint':
      return { where: `shard ${e.shard}`, what: `checkpoint → ${recordText(trace.records, e.record)}` };
    case 'bisect':
      return { where: laneOf(e), what: `bisect ${recordList(trace.records, e.left, max)} | ${recordList(trace.records, e.right, max)}` };
    case 'discard':
      return { where: laneOf(e), what: `discard ${e.condition} ${counted(trace, e.records, max)} destination ${e.payload === null ? 'no' : 'yes'}` };
    case 'trim':
      return { where: `shard ${e.shard}`, what: `trim ${counted(trace, e.records, max)}` };
    case 'fault':
      return { where: e.shard === undefined ? 'mapping' : `shard ${e.shard}`, what: `fault ${quoted(e.kind)}${e.dispatch === undefined ? '' : ` on #${e.dispatch}`}` };
    case 'env-start':
      return { where: `env ${e.env}`, what: `start (cold) for #${e.dispatch}` };
    case 'env-recycle':
      return { where: `env ${e.env}`, what: `recycle (${e.reason})` };
    case 'mapping':
      return { where: 'mapping', what: e.state };
    case 'dependency':
      return { where: dispatchWhere(e.dispatch), what: `#${e.dispatch} call ${e.nth} ${quoted(e.path)} ${e.action}` };
    case 'finding':
      return { where: dispatchWhere(e.dispatch), what: `finding ${e.kind}${e.dispatch === null ? '' : ` #${e.dispatch}`}: ${oneLine(e.detail)}` };
    case 'end':
      return { where: '', what: `end ${e.reason}` };
  }
}
