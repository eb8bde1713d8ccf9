import type { TopologyEvent } from './streamConfig.js';
import type { TableOperation } from '../table/tableOperation.js';

export type TimelineStep =
  | { readonly kind: 'topology'; readonly event: TopologyEvent; readonly path: string }
  | { readonly kind: 'operation'; readonly op: TableOperation; readonly opIndex: number };

/**
 * Operations and topology events in time order, each list stable (ties keep list order). A
 * topology event goes before operations at the same instant, so those writes reach the children.
 */
export function streamTimeline(operations: readonly TableOperation[], topology: readonly TopologyEvent[]): TimelineStep[] {
  const ops = stableByAt(operations).map(([op, opIndex]): TimelineStep => ({ kind: 'operation', op, opIndex }));
  const events = stableByAt(topology).map(([event, i]): TimelineStep => ({ kind: 'topology', event, path: `stream.topology[${i}]` }));
  const steps: TimelineStep[] = [];
  let o = 0;
  let e = 0;
  while (o < ops.length || e < events.length) {
    const op = ops[o];
    const event = events[e];
    if (event !== undefined && (op === undefined || atOf(event) <= atOf(op))) {
      steps.push(event);
      e++;
    } else if (op !== undefined) {
      steps.push(op);
      o++;
    }
  }
  return steps;
}

function stableByAt<T extends { readonly at: number }>(items: readonly T[]): [T, number][] {
  return items.map((item, index): [T, number] => [item, index]).sort((a, b) => a[0].at - b[0].at || a[1] - b[1]);
}

function atOf(step: TimelineStep): number {
  return step.kind === 'topology' ? step.event.at : step.op.at;
}
