import { renderTrace, type Trace, type TraceEvent } from '../trace/index.js';

/**
 * The timeline line `renderTrace` gives the events at `indexes` (a result is shown with its
 * invocation, as the timeline does), without the trace header: `+0.500s  shard 0/lane 0  …`.
 */
export function timelineLines(trace: Trace, events: readonly TraceEvent[], maxListedRecords = 4): string[] {
  const text = renderTrace({ ...trace, events }, { listRecords: false, maxListedRecords });
  const lines = text.trimEnd().split('\n');
  const start = lines.findIndex((line) => line.startsWith('events '));
  return lines.slice(start + 1);
}

/** One witness event as a timeline line; a result carries its invocation along. */
export function eventLine(trace: Trace, index: number): string {
  const event = trace.events[index];
  if (event === undefined) return `(no event #${index})`;
  const invoke = event.type === 'result' ? trace.events.find((e) => e.type === 'invoke' && e.id === event.id) : undefined;
  const lines = timelineLines(trace, invoke === undefined ? [event] : [invoke, event]);
  return lines.map((line) => line.trim()).join(' / ');
}
