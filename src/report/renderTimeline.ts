import type { Trace, TraceEvent } from '../trace/index.js';
import { timelineLines } from './eventLine.js';

export interface TimelineOptions {
  /** Cap on the lines of the whole timeline (section headings included). Default 80. */
  readonly maxLines?: number;
  /** What the truncation note tells the reader to run to see every line (a `shardcheck explain` command). */
  readonly explainCommand?: string;
}

/** The shard an event belongs to; undefined for mapping-wide events (mapping state, recycles, end). */
function shardOf(event: TraceEvent, dispatchShard: ReadonlyMap<number, number>): number | undefined {
  if ('shard' in event && event.shard !== undefined) return event.shard;
  if (event.type === 'result') return dispatchShard.get(event.id);
  if (event.type === 'env-start' || event.type === 'dependency') return dispatchShard.get(event.dispatch);
  if ((event.type === 'finding' || event.type === 'fault') && event.dispatch !== undefined && event.dispatch !== null) return dispatchShard.get(event.dispatch);
  return undefined;
}

/**
 * One section per shard (its own events plus the mapping-wide ones), each as `renderTrace` lines.
 * Shards without any event of their own are left out.
 */
export function shardSections(trace: Trace): { readonly shard: number; readonly lines: readonly string[] }[] {
  const dispatchShard = new Map<number, number>();
  for (const event of trace.events) if (event.type === 'invoke') dispatchShard.set(event.id, event.shard);
  const byShard = new Map<number, TraceEvent[]>(trace.shards.map((s) => [s.ordinal, []]));
  const owned = new Set<number>();
  for (const event of trace.events) {
    const shard = shardOf(event, dispatchShard);
    if (shard !== undefined) owned.add(shard);
    for (const [ordinal, events] of byShard) if (shard === undefined || shard === ordinal) events.push(event);
  }
  return [...byShard].filter(([shard]) => owned.has(shard)).map(([shard, events]) => ({ shard, lines: timelineLines(trace, events) }));
}

/**
 * The per-shard timeline, at most `maxLines` lines: when longer, its head and tail with
 * `… N more lines (all of them: <command>)` in between.
 */
export function renderTimeline(trace: Trace, options: TimelineOptions = {}): string[] {
  const max = Math.max(4, options.maxLines ?? 80);
  const sections = shardSections(trace);
  const all = sections.flatMap(({ shard, lines }) => {
    const shardInfo = trace.shards[shard];
    const heading = shardInfo === undefined ? `shard ${shard}` : `shard ${shard}${shardInfo.parents.length === 0 ? '' : ` (child of ${shardInfo.parents.join(', ')})`}`;
    return [`  ${heading}`, ...lines.map((line) => `  ${line}`)];
  });
  const out = ['timeline'];
  if (all.length <= max) return [...out, ...all];
  const head = Math.ceil((max - 1) * 0.75);
  const tail = max - 1 - head;
  const hidden = all.length - head - tail;
  const note = `  … ${hidden} more lines${options.explainCommand === undefined ? '' : ` (all of them: ${options.explainCommand})`}`;
  return [...out, ...all.slice(0, head), note, ...all.slice(all.length - tail)];
}
