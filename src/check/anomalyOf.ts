import type { Advisory, AdvisoryName, Anomaly, InvariantName } from './anomaly.js';
import { invariantInfo } from './invariants.js';

/** At most this many records or events are listed as witnesses of one anomaly (as Elle does). */
export const MAX_WITNESSES = 8;

export interface AnomalyFields {
  readonly rule: string;
  readonly summary: string;
  readonly shard?: number;
  readonly records?: readonly number[];
  readonly events?: readonly number[];
  readonly blockedMs?: number;
}

/** An anomaly of `invariant`, its kind taken from `INVARIANTS`; witnesses capped at `MAX_WITNESSES`. */
export function anomalyOf(invariant: Exclude<InvariantName, AdvisoryName>, fields: AnomalyFields): Anomaly {
  const events = witnessEvents(fields.events);
  const kind = invariantInfo(invariant).kind;
  if (kind === 'advisory') throw new Error(`anomalyOf: ${invariant} reports advisories, not anomalies`);
  return {
    invariant,
    kind,
    rule: fields.rule,
    summary: fields.summary,
    ...(fields.shard === undefined ? {} : { shard: fields.shard }),
    records: (fields.records ?? []).slice(0, MAX_WITNESSES),
    events,
    ...(fields.blockedMs === undefined ? {} : { blockedMs: fields.blockedMs }),
  };
}

/** An advisory of `invariant`; witnesses capped at `MAX_WITNESSES`. */
export function advisoryOf(invariant: AdvisoryName, fields: Omit<AnomalyFields, 'rule' | 'blockedMs'>): Advisory {
  return {
    invariant,
    summary: fields.summary,
    ...(fields.shard === undefined ? {} : { shard: fields.shard }),
    records: (fields.records ?? []).slice(0, MAX_WITNESSES),
    events: witnessEvents(fields.events),
  };
}

function witnessEvents(events: readonly number[] = []): number[] {
  return [...new Set(events)].sort((a, b) => a - b).slice(0, MAX_WITNESSES);
}
