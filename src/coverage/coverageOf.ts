import type { Trace } from '../trace/trace.js';
import type { TraceEvent } from '../trace/traceEvent.js';

/**
 * The corners of ESM behaviour a campaign should reach ("sometimes" assertions): a suite that
 * never gets there has not tested what it claims to.
 */
export const COVERAGE_ITEMS = [
  'bisect-to-single-record',
  'partial-response',
  'destination-discard',
  'retries-exhausted',
  'record-age-expiry',
  'retention-trim',
  'shard-split',
  'shard-rollover',
  'parallel-lanes',
  'concurrent-shards',
  'environment-recycle',
  'warm-reuse',
  'throttle',
  'timeout',
  'crash',
  'restart',
  'disable-enable',
  'duplicate-delivery',
  'dependency-reject',
  'dependency-apply-then-reject',
  'dependency-defer',
] as const;

export type CoverageItem = (typeof COVERAGE_ITEMS)[number];

type Invoke = Extract<TraceEvent, { type: 'invoke' }>;

/** Which coverage items one run reached, read from its trace alone. */
export function coverageOf(trace: Trace): Set<CoverageItem> {
  const reached = new Set<CoverageItem>();
  const inFlight = new Map<number, Invoke>();
  const warmEnvs = new Set<number>();
  for (const e of trace.events) {
    const item = itemOf(e);
    if (item !== undefined) reached.add(item);
    if (e.type === 'bisect' && (e.left.length === 1 || e.right.length === 1)) reached.add('bisect-to-single-record');
    if (e.type === 'discard') {
      reached.add(e.condition === 'RecordAgeExceeded' ? 'record-age-expiry' : 'retries-exhausted');
      if (e.payload !== null) reached.add('destination-discard');
    }
    if (e.type === 'invoke' && e.env !== null) {
      if (warmEnvs.has(e.env)) reached.add('warm-reuse');
      warmEnvs.add(e.env);
      // Concurrent: another dispatch had started and not yet completed.
      for (const other of inFlight.values()) reached.add(other.shard === e.shard ? 'parallel-lanes' : 'concurrent-shards');
      inFlight.set(e.id, e);
    }
    if (e.type === 'result') inFlight.delete(e.id);
  }
  for (const shard of trace.shards) {
    const siblings = trace.shards.filter((s) => s.parents.length === 1 && s.parents[0] === shard.ordinal).length;
    if (siblings >= 2) reached.add('shard-split');
    if (siblings === 1) reached.add('shard-rollover');
  }
  return reached;
}

function itemOf(e: TraceEvent): CoverageItem | undefined {
  switch (e.type) {
    case 'result':
      return e.outcome === 'OK_PARTIAL' ? 'partial-response' : undefined;
    case 'trim':
      return 'retention-trim';
    case 'env-recycle':
      return 'environment-recycle';
    case 'fault':
      return faultItem(e.kind);
    case 'mapping':
      return e.state === 'enabled' ? 'disable-enable' : undefined;
    case 'invoke':
      return e.duplicate ? 'duplicate-delivery' : undefined;
    case 'dependency':
      return e.action === 'rejected' ? 'dependency-reject' : e.action === 'applied-then-rejected' ? 'dependency-apply-then-reject' : e.action === 'deferred' ? 'dependency-defer' : undefined;
    default:
      return undefined;
  }
}

function faultItem(kind: string): CoverageItem | undefined {
  return kind === 'throttle' || kind === 'timeout' || kind === 'crash' || kind === 'restart' ? kind : undefined;
}
