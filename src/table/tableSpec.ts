/** Scalar types a key attribute can have. */
export type ScalarType = 'S' | 'N' | 'B';

/** Which images stream records carry (R2). */
export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

export const STREAM_VIEW_TYPES: readonly StreamViewType[] = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'];

export interface KeyAttribute {
  readonly name: string;
  readonly type: ScalarType;
}

/** What users write: a key attribute is a name (type S) or `{ name, type }`. */
export interface TableParameters {
  tableName?: string;
  partitionKey: string | KeyAttribute;
  sortKey?: string | KeyAttribute;
  /** Default NEW_AND_OLD_IMAGES. */
  streamViewType?: StreamViewType;
  /** Attribute that holds the TTL epoch seconds, if the table has TTL enabled. */
  ttlAttribute?: string;
  /** Default us-east-1. */
  region?: string;
  /** Default 123456789012. */
  accountId?: string;
}

/** Validated, defaults applied. */
export interface TableSpec {
  readonly tableName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute | undefined;
  readonly streamViewType: StreamViewType;
  readonly ttlAttribute: string | undefined;
  readonly region: string;
  readonly accountId: string;
}
