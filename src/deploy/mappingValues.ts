import { resolveDestinationConfig } from '../scenario/index.js';
import type { StreamSource, UnsupportedSetting } from './deployment.js';
import type { PropertyBag } from './PropertyBag.js';

/*
 * Typed reads of mapping properties with AWS's ranges (docs/rules.md, as `resolveMappingConfig`
 * checks them). CloudFormation accepts numbers and booleans written as strings ("100", "true"),
 * so these do too. Each returns undefined when the property is absent.
 */

export function integerAt(bag: PropertyBag, key: string, min: number, max: number, rule = `must be an integer in ${min}..${max}`): number | undefined {
  const value = bag.value(key);
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min || n > max) throw bag.error(key, rule, value);
  return n;
}

/** `-1` (unlimited) or `min..max`: AWS rejects the gap (R24, R25). */
export function minusOneOrAt(bag: PropertyBag, key: string, min: number, max: number): number | undefined {
  const rule = `must be -1 or ${min}..${max}`;
  const value = integerAt(bag, key, -1, max, rule);
  if (value !== undefined && value !== -1 && value < min) throw bag.error(key, rule, value);
  return value;
}

export function booleanAt(bag: PropertyBag, key: string): boolean | undefined {
  const value = bag.value(key);
  if (value === undefined || typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw bag.error(key, 'must be true or false', value);
}

/**
 * TRIM_HORIZON or LATEST. AT_TIMESTAMP is valid for Kinesis only (R22): returned as unsupported
 * there (TRIM_HORIZON stands in the mapping, which a Kinesis deployment cannot be checked with
 * anyway), an error for DynamoDB, as AWS rejects it.
 */
export function startingPositionAt(bag: PropertyBag, key: string, source: StreamSource, unsupported: UnsupportedSetting[]): 'TRIM_HORIZON' | 'LATEST' | undefined {
  const value = bag.value(key);
  if (value === undefined || value === 'TRIM_HORIZON' || value === 'LATEST') return value;
  if (value === 'AT_TIMESTAMP' && source === 'kinesis') {
    unsupported.push({ property: bag.path(key), setting: 'startingPosition', value, reason: 'AT_TIMESTAMP starts are not simulated yet' });
    return 'TRIM_HORIZON';
  }
  const rule = source === 'dynamodb' ? 'must be TRIM_HORIZON or LATEST (DynamoDB streams do not support AT_TIMESTAMP)' : 'must be TRIM_HORIZON, LATEST or AT_TIMESTAMP';
  throw bag.error(key, rule, value);
}

/** `[]` or `["ReportBatchItemFailures"]`. */
export function responseTypesAt(bag: PropertyBag, key: string): 'ReportBatchItemFailures'[] | undefined {
  const value = bag.value(key);
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.length === 0) return [];
  if (Array.isArray(value) && value.length === 1 && value[0] === 'ReportBatchItemFailures') return ['ReportBatchItemFailures'];
  throw bag.error(key, 'must be [] or ["ReportBatchItemFailures"]', value);
}

/** An OnFailure destination ARN: a standard SQS queue, a standard SNS topic or an S3 bucket */
export function destinationArn(bag: PropertyBag, key: string, path: string, arn: unknown): string {
  try {
    if (typeof arn !== 'string') throw new Error('not a string');
    resolveDestinationConfig({ onFailure: { destination: arn } }, 'destination');
    return arn;
  } catch {
    const rule = 'must be the ARN of a standard SQS queue, a standard SNS topic or an S3 bucket';
    throw bag.error(`${key}${path}`, rule, arn);
  }
}

/** `0` (off, as AWS reports it) is the only tumbling window shardcheck runs (R50). */
export function tumblingWindowAt(bag: PropertyBag, key: string, unsupported: UnsupportedSetting[]): void {
  const seconds = integerAt(bag, key, 0, 900);
  if (seconds !== undefined && seconds > 0) {
    unsupported.push({ property: bag.path(key), setting: 'tumblingWindowInSeconds', value: seconds, reason: 'tumbling windows are not simulated yet' });
  }
}
