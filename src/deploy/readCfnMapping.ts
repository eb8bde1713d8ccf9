import type { DeployedMapping, StreamSource, UnsupportedSetting } from './deployment.js';
import { booleanAt, destinationArn, integerAt, minusOneOrAt, responseTypesAt, startingPositionAt, tumblingWindowAt } from './mappingValues.js';
import type { PropertyBag } from './PropertyBag.js';

export interface MappingRead {
  readonly mapping: DeployedMapping;
  readonly unsupported: UnsupportedSetting[];
  readonly warnings: string[];
}

/** Properties that do not change what the function receives or when. */
const NO_EFFECT: Readonly<Record<string, string>> = {
  MetricsConfig: 'metrics are not simulated',
  KmsKeyArn: 'it only encrypts the filter criteria',
  Tags: 'tags do not change delivery',
  LoggingConfig: 'logging does not change delivery',
};

/** Properties of other kinds of event source (queues, Kafka, MQ, DocumentDB), which a stream mapping cannot have. */
const OTHER_SOURCES = ['Queues', 'Topics', 'SourceAccessConfigurations', 'SelfManagedEventSource', 'SelfManagedKafkaEventSourceConfig', 'AmazonManagedKafkaEventSourceConfig', 'DocumentDBEventSourceConfig', 'ScalingConfig'];

/**
 * The mapping of an `AWS::Lambda::EventSourceMapping` or of a SAM `DynamoDB`/`Kinesis` event
 * (same property names; SAM's `DestinationConfig.OnFailure` also has a `Type`). Fields the file
 * leaves out take AWS's defaults (docs/rules.md). The caller has already read the source and
 * function properties.
 */
export function readCfnMapping(bag: PropertyBag, source: StreamSource): MappingRead {
  const unsupported: UnsupportedSetting[] = [];
  const warnings: string[] = [];
  const startingPosition = startingPositionAt(bag, 'StartingPosition', source, unsupported);
  if (startingPosition === undefined) throw bag.error('StartingPosition', 'is required for DynamoDB and Kinesis stream mappings', undefined);
  const mapping: DeployedMapping = {
    batchSize: integerAt(bag, 'BatchSize', 1, 10_000) ?? 100,
    maximumBatchingWindowInSeconds: integerAt(bag, 'MaximumBatchingWindowInSeconds', 0, 300) ?? 0,
    startingPosition,
    bisectBatchOnFunctionError: booleanAt(bag, 'BisectBatchOnFunctionError') ?? false,
    maximumRetryAttempts: minusOneOrAt(bag, 'MaximumRetryAttempts', 0, 10_000) ?? -1,
    maximumRecordAgeInSeconds: minusOneOrAt(bag, 'MaximumRecordAgeInSeconds', 60, 604_800) ?? -1,
    parallelizationFactor: integerAt(bag, 'ParallelizationFactor', 1, 10) ?? 1,
    functionResponseTypes: responseTypesAt(bag, 'FunctionResponseTypes') ?? [],
    destinationConfig: destinationConfigAt(bag),
    enabled: booleanAt(bag, 'Enabled') ?? true,
  };
  tumblingWindowAt(bag, 'TumblingWindowInSeconds', unsupported);
  readRest(bag, unsupported, warnings);
  return { mapping, unsupported, warnings };
}

function destinationConfigAt(bag: PropertyBag): DeployedMapping['destinationConfig'] {
  const config = bag.value('DestinationConfig');
  if (config === undefined) return {};
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw bag.error('DestinationConfig', 'must be an object with OnFailure', config);
  const { OnFailure: onFailure, OnSuccess: onSuccess, ...other } = config as Record<string, unknown>;
  if (onSuccess !== undefined) throw bag.error('DestinationConfig.OnSuccess', 'is not supported for stream event source mappings', onSuccess);
  const extra = Object.keys(other)[0];
  if (extra !== undefined) throw bag.error(`DestinationConfig.${extra}`, 'is not a DestinationConfig property (only OnFailure)', other[extra]);
  if (onFailure === undefined) return {};
  const destination = (onFailure as { Destination?: unknown } | null)?.Destination;
  // SAM's `Type` (SQS, SNS, S3) only picks the IAM policy SAM adds; the ARN says the same.
  return { onFailure: { destination: destinationArn(bag, 'DestinationConfig', '.OnFailure.Destination', destination) } };
}

function readRest(bag: PropertyBag, unsupported: UnsupportedSetting[], warnings: string[]): void {
  if (bag.has('FilterCriteria')) {
    unsupported.push({ property: bag.path('FilterCriteria'), setting: 'filterCriteria', value: filterCriteriaOf(bag.reported('FilterCriteria')), reason: 'event filtering is not simulated yet' });
  }
  if (bag.has('StartingPositionTimestamp')) {
    unsupported.push({ property: bag.path('StartingPositionTimestamp'), setting: 'startingPositionTimestamp', value: bag.reported('StartingPositionTimestamp'), reason: 'AT_TIMESTAMP starts are not simulated yet' });
  }
  for (const key of bag.unread()) {
    const value = bag.reported(key);
    if (key in NO_EFFECT) warnings.push(`deployment: ${bag.file}: ${bag.path(key)} is read but not simulated: ${NO_EFFECT[key]}`);
    else if (OTHER_SOURCES.includes(key)) warnings.push(`deployment: ${bag.file}: ${bag.path(key)} is ignored: it does not apply to DynamoDB or Kinesis stream mappings`);
    else unsupported.push({ property: bag.path(key), setting: key.charAt(0).toLowerCase() + key.slice(1), value, reason: 'shardcheck does not know this property' });
  }
}

/** `{ Filters: [{ Pattern: "<json>" }] }` → `{ filters: [{ pattern: "<json>" }] }`, the API's camelCase. */
export function filterCriteriaOf(value: unknown): { filters: { pattern: unknown }[] } | unknown {
  const filters = (value as { Filters?: unknown } | undefined)?.Filters;
  if (!Array.isArray(filters)) return value;
  return { filters: filters.map((f) => ({ pattern: (f as { Pattern?: unknown } | null)?.Pattern })) };
}
