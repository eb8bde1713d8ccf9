import { formatVirtualTime } from '../trace/index.js';
import type { StreamMetrics } from '../trace/metricsOf.js';
import type { Trace } from '../trace/trace.js';
import { durationText } from './safeText.js';

/**
 * The run's CloudWatch-named metrics (R62–R64): the counters on one line, then IteratorAge per
 * shard (the largest point), which says how far behind the consumer fell.
 */
export function renderMetrics(metrics: StreamMetrics, trace: Trace): string[] {
  const out = [
    'metrics',
    `  Invocations ${metrics.Invocations}, Errors ${metrics.Errors}, Throttles ${metrics.Throttles}, DroppedEventCount ${metrics.DroppedEventCount}, OnFailureDestinationDeliveredEventCount ${metrics.OnFailureDestinationDeliveredEventCount}`,
  ];
  const ages = trace.shards
    .map((shard, ordinal) => ({ ordinal, points: metrics.IteratorAge[shard.id] ?? [] }))
    .filter((s) => s.points.length > 0)
    .map((s) => `shard ${s.ordinal} ${age(Math.max(...s.points.map((p) => p.ageMs)))}`);
  out.push(`  IteratorAge maximum ${age(metrics.IteratorAgeMaximum)}${ages.length > 1 ? ` (${ages.join(', ')})` : ''}`);
  return out;
}

const age = (ms: number): string => durationText(formatVirtualTime(ms));
