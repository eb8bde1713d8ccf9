/**
 * Knobs for behaviour AWS leaves ambiguous (spec "Ambiguities", marked ⚙). Defaults follow the spec.
 */
export interface Semantics {
  /** R39 / ambiguity 5: a partial response that advances the checkpoint restarts the retry count. */
  readonly resetRetriesOnPartialProgress: boolean;
  /** Ambiguity 3: an itemIdentifier that is a sequence number but not of this batch. */
  readonly unknownItemIdentifier: 'fail' | 'ignore';
  /** Ambiguity 4: a non-object, non-empty response (a number, a non-empty string) under RBIF. */
  readonly nonObjectResponse: 'fail' | 'success';
  /** Ambiguity 7: PF lanes are keyed by the table partition key (default) or by the full item key. */
  readonly laneKey: 'partitionKey' | 'itemKey';
  /** Ambiguity 7: a failing lane blocks only itself (default) or the whole shard. */
  readonly laneFailureBlocks: 'lane' | 'shard';
  /** Ambiguity 9: the S3 destination `payload` as an object (default) or a JSON string. */
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
