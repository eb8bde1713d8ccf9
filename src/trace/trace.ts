import type { Millis, SequenceNumber } from '../core/index.js';
import type { LogLine } from './logLine.js';
import type { TraceEvent } from './traceEvent.js';

export interface TraceShard {
  readonly ordinal: number;
  readonly id: string;
  readonly parents: readonly number[];
  readonly createdAt: Millis;
  readonly closedAt: Millis | null;
}

export interface TraceRecord {
  readonly ordinal: number;
  readonly shard: number;
  readonly seq: SequenceNumber;
  readonly itemKey: string;
  readonly partitionKey: string;
  readonly eventName: string;
  readonly createdAt: Millis;
  readonly trimAt: Millis;
}

/**
 * The run's event log: self-contained (shards and records are listed in the header) so that a
 * stored trace stays checkable and renderable without the scenario or the simulator.
 */
export interface Trace {
  readonly version: 1;
  readonly streamArn: string;
  readonly functionArn: string;
  readonly startEpochMs: number;
  readonly shards: readonly TraceShard[];
  readonly records: readonly TraceRecord[];
  readonly events: readonly TraceEvent[];
  /**
   * Console output of the run's invocations, in the order written (`simulate` with `captureLogs`,
   * the default). Not enumerable: never serialised, compared or checked, and absent from parsed traces.
   */
  readonly logs?: readonly LogLine[];
  /** Lines captured beyond the cap (`MAX_LOG_LINES`) and dropped; not enumerable either. */
  readonly logsDropped?: number;
}
