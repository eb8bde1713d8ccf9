import type { StreamRecord } from '../stream/streamHistory.js';
import type { AttributeMap } from '../table/itemChange.js';
import type { DiscardedRecord } from './Model.js';

/**
 * What the handler owed in one run (`model.owed(trace)`). A record is owed unless the run
 * legitimately gave up on it (`givenUp`: skipped by a LATEST start, trimmed, discarded as
 * RecordAgeExceeded or RetryAttemptsExhausted). Assumes the run ended as the built-in invariants
 * demand (drained), which is when `checkStreamHandler` calls the user's invariant.
 */
export interface Owed {
  /** The records the handler had to apply, in publication order. */
  readonly records: readonly StreamRecord[];
  /** The records given up on, with why, in the order the run gave them up (= `model.discarded(trace)`). */
  readonly givenUp: readonly DiscardedRecord[];
  /** Per item key, for every item with at least one owed record: the state it must end in. */
  readonly items: ReadonlyMap<string, OwedItem>;
  /**
   * Per item key, the items whose end state the run leaves open: a record of the item reached the
   * handler (so it may have been applied) and was then given up on, and it comes after the item's
   * last owed record (or the item has none), so nothing owed overrides it.
   */
  readonly uncertain: ReadonlyMap<string, UncertainItem>;
}

export interface OwedItem {
  readonly itemKey: string;
  /** The item's key attributes, Lambda-shaped (a record's `dynamodb.Keys`). */
  readonly keys: AttributeMap;
  /** The item's last owed record. */
  readonly last: StreamRecord;
  /**
   * The item's image in the table right after `last`'s change, Lambda-shaped; undefined when that
   * change removed it. The same for every stream view type: for NEW_IMAGE and NEW_AND_OLD_IMAGES
   * it is `last`'s NewImage; KEYS_ONLY and OLD_IMAGE records carry no new image, and the model
   * gives the item version the change produced (what a handler that looks the item up owes).
   */
  readonly image: AttributeMap | undefined;
}

export interface UncertainItem {
  readonly itemKey: string;
  readonly keys: AttributeMap;
  /** The item's owed state; undefined when none of its records was owed (it is then owed absent). */
  readonly owed: OwedItem | undefined;
  /** The item's records after its last owed one that reached the handler and were then given up on, with why. */
  readonly givenUp: readonly DiscardedRecord[];
  /**
   * Every state the item may legitimately end in, Lambda-shaped (undefined: absent): the owed
   * one first, then the state after each record of `givenUp`. A handler that applies records only
   * when newer ends in one of them, whichever of those records it applied before they were given up.
   */
  readonly states: readonly (AttributeMap | undefined)[];
}
