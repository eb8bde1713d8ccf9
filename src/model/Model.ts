import type { DynamoDBRecord } from 'aws-lambda';
import type { Millis } from '../core/index.js';
import type { Scenario } from '../scenario/scenario.js';
import type { StreamHistory, StreamRecord } from '../stream/streamHistory.js';
import type { AttributeMap } from '../table/itemChange.js';
import type { Trace } from '../trace/trace.js';

export type EventName = 'INSERT' | 'MODIFY' | 'REMOVE';

/** Why a record never reached a successful invocation, as AWS documents it. */
export type DiscardReason = 'RetryAttemptsExhausted' | 'RecordAgeExceeded' | 'trimmed' | 'skipped-by-LATEST';

export interface DiscardedRecord {
  readonly record: StreamRecord;
  readonly reason: DiscardReason;
}

/**
 * The reference model of one scenario: what the table writes put into the stream, and what AWS
 * allows a mapping to do with it (docs/rules.md, R1–R49). Pure: built from the scenario alone, never from
 * the simulator.
 */
export interface Model {
  readonly scenario: Scenario;
  readonly history: StreamHistory;
  /** Every stream record in publication order. */
  readonly records: readonly StreamRecord[];
  /** The ordered records of one item (R3), by its documented key string. */
  recordsFor(itemKey: string): readonly StreamRecord[];
  /** Item key → the item's final image; absent when the item's last change removed it. */
  finalImages(): ReadonlyMap<string, AttributeMap>;
  /** How many records of each event name the workload produced. */
  count(eventName: EventName): number;
  /** The documented key string of a delivered record (see `itemKeyOf`). */
  itemKey(record: DynamoDBRecord): string;
  /** The PF lane a record belongs to (R26): per partition key unless semantics say otherwise. */
  laneOf(record: StreamRecord): number;
  /** The last instant at which a scheduled fault can fire; after it the run must heal and drain. */
  readonly faultPhaseEnd: Millis;
  /** R25: age of a record at `t`, from its whole-second ApproximateCreationDateTime. */
  ageAt(record: StreamRecord, t: Millis): Millis;
  /**
   * The records a run gave up on, with AWS's reason (R6, R22, R24, R25, R42): what a user's
   * invariant must leave out of "every change was applied". The checker verifies each one was
   * legitimate.
   */
  discarded(trace: Trace): readonly DiscardedRecord[];
}
