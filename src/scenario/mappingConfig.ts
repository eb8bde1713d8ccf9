/** Event source mapping settings as users write them: AWS names in camelCase (docs/rules.md, R19–R28). */
export interface MappingParameters {
  batchSize?: number;
  maximumBatchingWindowInSeconds?: number;
  startingPosition?: 'TRIM_HORIZON' | 'LATEST';
  bisectBatchOnFunctionError?: boolean;
  maximumRetryAttempts?: number;
  maximumRecordAgeInSeconds?: number;
  parallelizationFactor?: number;
  functionResponseTypes?: readonly 'ReportBatchItemFailures'[];
  destinationConfig?: { onFailure?: { destination: string } };
  enabled?: boolean;
}

/** Validated, AWS defaults applied. */
export interface MappingConfig {
  readonly batchSize: number;
  readonly maximumBatchingWindowInSeconds: number;
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  readonly bisectBatchOnFunctionError: boolean;
  readonly maximumRetryAttempts: number;
  readonly maximumRecordAgeInSeconds: number;
  readonly parallelizationFactor: number;
  readonly functionResponseTypes: readonly 'ReportBatchItemFailures'[];
  readonly destinationConfig: { readonly onFailure?: { readonly destination: string } };
  readonly enabled: boolean;
}
