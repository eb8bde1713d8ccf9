import { deepFreeze, optionError, readObject, rejectUnknownOptions } from '../core/index.js';
import type { MappingConfig } from './mappingConfig.js';

// Standard queues and topics only (R41); the partition part admits aws-cn and aws-us-gov.
const SQS = /^arn:aws(-[a-z]+)*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}$/;
const SNS = /^arn:aws(-[a-z]+)*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;
const S3 = /^arn:aws(-[a-z]+)*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const DESTINATION_RULE =
  'must be the ARN of a standard SQS queue, a standard SNS topic or an S3 bucket ' +
  '(arn:aws:sqs:<region>:<account>:<queue>, arn:aws:sns:<region>:<account>:<topic>, arn:aws:s3:::<bucket>)';

/** `mapping.destinationConfig`: OnFailure only, since stream mappings have no OnSuccess (R28, R41). */
export function resolveDestinationConfig(value: unknown, path: string): MappingConfig['destinationConfig'] {
  if (value === undefined) return deepFreeze({});
  const config = readObject(path, value);
  if ('onSuccess' in config) {
    throw optionError(`${path}.onSuccess`, 'is not supported for stream event source mappings (R28)', config.onSuccess);
  }
  rejectUnknownOptions(path, config, ['onFailure'], ['onSuccess']);
  if (config.onFailure === undefined) return deepFreeze({});
  const onFailure = readObject(`${path}.onFailure`, config.onFailure);
  rejectUnknownOptions(`${path}.onFailure`, onFailure, ['destination']);
  const destination = onFailure.destination;
  if (typeof destination !== 'string' || !(SQS.test(destination) || SNS.test(destination) || S3.test(destination))) {
    throw optionError(`${path}.onFailure.destination`, DESTINATION_RULE, destination);
  }
  return deepFreeze({ onFailure: { destination } });
}
