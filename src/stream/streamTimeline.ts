import type { TopologyEvent } from './streamConfig.js';
import type { TableOperation } from '../table/tableOperation.js';

export type TimelineStep =
  | { readonly kind: 'topology'; readonly event: TopologyEvent; readonly path: string }
  | { readonly kind: 'operation'; readonly op: TableOperation; readonly opIndex: number };

/**
 * Operations and topology events in time order, each list stable (ties keep list order). A
 * topology event goes before operations at the same instant, so those writes reach the children.
 * Steps are made one at a time: a scenario can hold a million operations.
 */
export function* streamTimeline(operations: readonly TableOperation[], topology: readonly TopologyEvent[]): Generator<TimelineStep> {
  const ops = orderByAt(operations);
  const events = orderByAt(topology);
  let o = 0;
  let e = 0;
  while (o < ops.length || e < events.length) {
    const op = operations[ops[o]!];
    const event = topology[events[e]!];
    if (event !== undefined && (op === undefined || event.at <= op.at)) {
      yield { kind: 'topology', event, path: `stream.topology[${events[e]}]` };
      e++;
    } else if (op !== undefined) {
      yield { kind: 'operation', op, opIndex: ops[o]! };
      o++;
    }
  }
}

/** Indices of `items` by `at`, ties in list order; input already in order (the usual case) is not sorted. */
function orderByAt(items: readonly { readonly at: number }[]): Uint32Array {
  const order = new Uint32Array(items.length);
  let sorted = true;
  for (let i = 0; i < items.length; i++) {
    order[i] = i;
    if (i > 0 && items[i]!.at < items[i - 1]!.at) sorted = false;
  }
  return sorted ? order : order.sort((a, b) => items[a]!.at - items[b]!.at || a - b);
}
