import type fc from 'fast-check';
import { resolveTableSpec, type TableOperation, type TableParameters } from '../table/index.js';
import { interpretChanges, qualifyChangeOptions, type ChangeSequenceOptions } from './_internals/changeIntents.js';

export type { ChangeSequenceOptions } from './_internals/changeIntents.js';
export type { EventName } from './_internals/changeActions.js';

/**
 * Table operations with virtual timestamps (`at`, non-decreasing, so list order is apply order)
 * that the table always accepts:
 *
 * - inserts (puts of new keys, updates that create), modifies (partial updates with SET/REMOVE,
 *   full replacement puts), deletes, TTL expiries (`ttlExpire`, when the table has a TTL
 *   attribute or `ttl: true`), transactions of 1..4 writes on distinct items;
 * - no-op writes, which publish no record (R4): a put of the current item, an update setting a
 *   current value, a delete of a missing item;
 * - per sequence either uniform keys or 1..3 hot keys taking most writes; bursts at one instant,
 *   steady traffic and quiet periods of minutes; now and then an item just under 400 KB (R11);
 * - item values from a seeded faker vocabulary (see `itemAttributes`), or from `item`.
 *
 * Options: `minLength`/`maxLength` (operations, default 0..200), `eventNames` (records the
 * sequence may publish; must include INSERT), `keyCount` (item keys, default 32; with only INSERT
 * the key space is large so most puts are new), `hotKeys` (0 = uniform), `largeItems` (default
 * rare, `true` more often, `false` never), `ttl`, `transactions`, `noOps` (default true), `item`
 * (your own arbitrary of item attributes; key attributes in it are replaced).
 *
 * Shrinks towards fewer operations, fewer and smaller keys, plain puts and smaller transactions.
 * A modification always changes the item (a `version` attribute moves), so it always publishes a
 * MODIFY record, except with a user `item`, whose values may repeat.
 */
export function changeSequence(table: TableParameters, options?: ChangeSequenceOptions): fc.Arbitrary<TableOperation[]> {
  const spec = resolveTableSpec(table, 'changeSequence.table');
  const qualified = qualifyChangeOptions(options, spec.ttlAttribute !== undefined, 'changeSequence.options');
  return qualified.arbitrary.map((raw) => interpretChanges(spec, qualified, raw).operations);
}
