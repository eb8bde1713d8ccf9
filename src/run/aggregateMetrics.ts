import type { StreamMetrics } from '../trace/metricsOf.js';

/** Campaign totals of the per-run metrics: counters summed, IteratorAge maximised. */
export interface MetricTotals {
  readonly IteratorAgeMaximum: number;
  readonly Invocations: number;
  readonly Errors: number;
  readonly Throttles: number;
  readonly DroppedEventCount: number;
  readonly OnFailureDestinationDeliveredEventCount: number;
}

export function aggregateMetrics(runs: readonly StreamMetrics[]): MetricTotals {
  const sum = (key: Exclude<keyof MetricTotals, 'IteratorAgeMaximum'>): number => runs.reduce((total, m) => total + m[key], 0);
  return {
    IteratorAgeMaximum: runs.reduce((max, m) => Math.max(max, m.IteratorAgeMaximum), 0),
    Invocations: sum('Invocations'),
    Errors: sum('Errors'),
    Throttles: sum('Throttles'),
    DroppedEventCount: sum('DroppedEventCount'),
    OnFailureDestinationDeliveredEventCount: sum('OnFailureDestinationDeliveredEventCount'),
  };
}
