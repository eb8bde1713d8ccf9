import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import type { Millis } from '../core/index.js';

/** An item as users write it: plain JS values, marshalled with @aws-sdk/util-dynamodb. */
export type Item = Record<string, NativeAttributeValue>;

/** The key attributes of an item (partition key, plus sort key when the table has one). */
export type ItemKeyValues = Record<string, NativeAttributeValue>;

export type PutWrite = { readonly type: 'put'; readonly item: Item };
/** UpdateItem: SET then REMOVE; creates the item when it is missing, as DynamoDB does. */
export type UpdateWrite = {
  readonly type: 'update';
  readonly key: ItemKeyValues;
  readonly set?: Record<string, NativeAttributeValue>;
  readonly remove?: readonly string[];
};
export type DeleteWrite = { readonly type: 'delete'; readonly key: ItemKeyValues };
/** A delete performed by the TTL process: a REMOVE with the service userIdentity (R5). */
export type TtlExpireWrite = { readonly type: 'ttlExpire'; readonly key: ItemKeyValues };
/** Several writes committed together; each changed item gives its own record (R12). */
export type TransactWrite = { readonly type: 'transactWrite'; readonly writes: readonly (PutWrite | UpdateWrite | DeleteWrite)[] };

export type Write = PutWrite | UpdateWrite | DeleteWrite | TtlExpireWrite | TransactWrite;

/** A write at a virtual instant. Operations are applied in `at` order, ties in list order. */
export type TableOperation = Write & { readonly at: Millis };
