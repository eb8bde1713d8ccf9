import type { DynamoDBRecord } from 'aws-lambda';
import type { Millis } from '../core/index.js';
import type { Scenario } from '../scenario/scenario.js';
import type { StreamHistory, StreamRecord } from '../stream/streamHistory.js';
import type { Trace } from '../trace/trace.js';
import type { ImageForm, ImageOf, ImagesOptions, OwedImagesOptions } from './imageForms.js';
import type { Owed } from './Owed.js';

export type EventName = 'INSERT' | 'MODIFY' | 'REMOVE';

/**
 * Why a record was legitimately given up on, as AWS documents it: never read because the mapping
 * started at LATEST after it (R22), trimmed from the stream by retention (R6), or discarded by
 * the mapping when its retries were exhausted (R24) or it grew too old (R25).
 */
export type DiscardReason = 'RetryAttemptsExhausted' | 'RecordAgeExceeded' | 'trimmed' | 'skipped-by-LATEST';

export interface DiscardedRecord {
  readonly record: StreamRecord;
  readonly reason: DiscardReason;
}

/**
 * The reference model of one scenario: what the table writes put into the stream, and what AWS
 * allows a mapping to do with it (docs/rules.md, R1–R49). Pure: built from the scenario alone, never from
 * the simulator. Items are named by the documented item key (`user#1`, `user#1|42`; see `itemKey`).
 */
export interface Model {
  readonly scenario: Scenario;
  readonly history: StreamHistory;
  /** Every stream record in publication order. */
  readonly records: readonly StreamRecord[];
  /** The ordered records of one item (R3), by its item key. */
  recordsFor(itemKey: string): readonly StreamRecord[];
  /**
   * Every item present in the table after all writes (removed items absent): the image after the
   * item's last change, in `options.form` (default `native`), keyed by item key or `options.key`.
   * What a projection holds when nothing was given up on; `owedImages` is what it must hold.
   */
  finalImages<F extends ImageForm = 'native'>(options?: ImagesOptions<F>): Map<string, ImageOf<F>>;
  /** How many records of each event name the workload produced. */
  count(eventName: EventName): number;
  /** The item key of a delivered record (the `itemKey` helper with this scenario's table). */
  itemKey(record: DynamoDBRecord): string;
  /** The PF lane a record belongs to (R26): per partition key unless semantics say otherwise. */
  laneOf(record: StreamRecord): number;
  /** The last instant at which a scheduled fault can fire; after it the run must heal and drain. */
  readonly faultPhaseEnd: Millis;
  /** R25: age of a record at `t`, from its whole-second ApproximateCreationDateTime. */
  ageAt(record: StreamRecord, t: Millis): Millis;
  /**
   * The records a run gave up on, with AWS's reason (R6, R22, R24, R25, R42), in the order it gave
   * them up. The checker verifies each one was legitimate.
   */
  discarded(trace: Trace): readonly DiscardedRecord[];
  /**
   * What the handler owed in this run: the records it had to apply (all but those given up on),
   * the state each item must end in, and the items whose end state the run leaves open.
   */
  owed(trace: Trace): Owed;
  /**
   * The projection a correct handler ends with: every item whose owed state is present, in
   * `options.form` (default `native`, what `unmarshall(NewImage)` gives), keyed by item key or
   * `options.key`. `expect(projection).toEqual(model.owedImages(trace))` holds for a correct
   * handler under every generated scenario; with `survivable: false` pass `observed: projection`
   * too, so that an item whose end state is uncertain (see `Owed.uncertain`) may hold any of its
   * legitimate states.
   */
  owedImages<F extends ImageForm = 'native'>(trace: Trace, options?: OwedImagesOptions<F>): Map<string, ImageOf<F>>;
}
