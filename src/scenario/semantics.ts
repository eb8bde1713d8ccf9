/**
 * Knobs for behaviour AWS leaves ambiguous; each is explained, with its default, in docs/rules.md
 * (Knobs: where AWS is ambiguous).
 */
export interface Semantics {
  /** R39: a partial response that advances the checkpoint restarts the retry count. */
  readonly resetRetriesOnPartialProgress: boolean;
  /** R37: an itemIdentifier that is a sequence number but not of this batch. */
  readonly unknownItemIdentifier: 'fail' | 'ignore';
  /** R37: a non-object, non-empty response (a number, a non-empty string) under RBIF. */
  readonly nonObjectResponse: 'fail' | 'success';
  /** R26: lanes are keyed by the table partition key (default) or by the full item key. */
  readonly laneKey: 'partitionKey' | 'itemKey';
  /** R26: a failing lane blocks only itself (default) or the whole shard. */
  readonly laneFailureBlocks: 'lane' | 'shard';
  /** R41: the S3 destination `payload` as an object (default) or a JSON string. */
  readonly s3PayloadForm: 'object' | 'string';
}

export const DEFAULT_SEMANTICS: Semantics = {
  resetRetriesOnPartialProgress: true,
  unknownItemIdentifier: 'fail',
  nonObjectResponse: 'fail',
  laneKey: 'partitionKey',
  laneFailureBlocks: 'lane',
  s3PayloadForm: 'object',
};
