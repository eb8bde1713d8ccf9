import type { StreamSource } from './deployment.js';
import { booleanAt, destinationArn, integerAt, minusOneOrAt, startingPositionAt, tumblingWindowAt } from './mappingValues.js';
import type { PropertyBag } from './PropertyBag.js';
import type { MappingRead } from './readCfnMapping.js';

/**
 * A serverless.yml `stream` event's mapping. The framework's own defaults differ from AWS's:
 * `batchSize` 10 and `startingPosition` TRIM_HORIZON (it writes both into the template); the
 * rest are AWS's. `batchWindow` is the batching window; `functionResponseType` a single value.
 */
export function readServerlessStream(bag: PropertyBag, source: StreamSource): MappingRead {
  const unsupported: MappingRead['unsupported'] = [];
  const warnings: string[] = [];
  const responseType = bag.value('functionResponseType');
  if (responseType !== undefined && responseType !== 'ReportBatchItemFailures') throw bag.error('functionResponseType', 'must be ReportBatchItemFailures', responseType);
  const mapping: MappingRead['mapping'] = {
    batchSize: integerAt(bag, 'batchSize', 1, 10_000) ?? 10,
    maximumBatchingWindowInSeconds: integerAt(bag, 'batchWindow', 0, 300) ?? 0,
    startingPosition: startingPositionAt(bag, 'startingPosition', source, unsupported) ?? 'TRIM_HORIZON',
    bisectBatchOnFunctionError: booleanAt(bag, 'bisectBatchOnFunctionError') ?? false,
    maximumRetryAttempts: minusOneOrAt(bag, 'maximumRetryAttempts', 0, 10_000) ?? -1,
    maximumRecordAgeInSeconds: minusOneOrAt(bag, 'maximumRecordAgeInSeconds', 60, 604_800) ?? -1,
    parallelizationFactor: integerAt(bag, 'parallelizationFactor', 1, 10) ?? 1,
    functionResponseTypes: responseType === undefined ? [] : ['ReportBatchItemFailures'],
    destinationConfig: destinationsAt(bag),
    enabled: booleanAt(bag, 'enabled') ?? true,
  };
  tumblingWindowAt(bag, 'tumblingWindowInSeconds', unsupported);
  if (bag.has('filterPatterns')) {
    const patterns = bag.reported('filterPatterns');
    // As the framework writes them into FilterCriteria: each pattern as a JSON string.
    const value = Array.isArray(patterns) ? { filters: patterns.map((p) => ({ pattern: JSON.stringify(p) })) } : patterns;
    unsupported.push({ property: bag.path('filterPatterns'), setting: 'filterCriteria', value, reason: 'event filtering is not simulated yet' });
  }
  if (bag.has('consumer')) {
    unsupported.push({ property: bag.path('consumer'), setting: 'consumer', value: bag.reported('consumer'), reason: 'Kinesis enhanced fan-out consumers are not simulated' });
  }
  if (bag.has('startingPositionTimestamp')) {
    unsupported.push({ property: bag.path('startingPositionTimestamp'), setting: 'startingPositionTimestamp', value: bag.reported('startingPositionTimestamp'), reason: 'AT_TIMESTAMP starts are not simulated yet' });
  }
  for (const key of bag.unread()) {
    unsupported.push({ property: bag.path(key), setting: key, value: bag.reported(key), reason: 'shardcheck does not know this stream event setting' });
  }
  return { mapping, unsupported, warnings };
}

/** `destinations.onFailure`: an ARN, or `{ arn, type }` (the type only picks the IAM policy). */
function destinationsAt(bag: PropertyBag): MappingRead['mapping']['destinationConfig'] {
  const destinations = bag.value('destinations') as { onFailure?: unknown } | undefined;
  if (destinations === undefined) return {};
  const onFailure = destinations.onFailure;
  if (onFailure === undefined) throw bag.error('destinations.onFailure', 'is required in destinations', undefined);
  const arn = typeof onFailure === 'object' && onFailure !== null ? (onFailure as { arn?: unknown }).arn : onFailure;
  const path = typeof onFailure === 'object' && onFailure !== null ? '.onFailure.arn' : '.onFailure';
  return { onFailure: { destination: destinationArn(bag, 'destinations', path, arn) } };
}
