import { describe, expect, it } from 'vitest';
import { resolveDestinationConfig } from '../../src/scenario/resolveDestinationConfig.js';
import { resolveMappingConfig } from '../../src/scenario/resolveMappingConfig.js';
import { errorMessage } from '../support/errorMessage.js';

const RULE =
  'must be the ARN of a standard SQS queue, a standard SNS topic or an S3 bucket ' +
  '(arn:aws:sqs:<region>:<account>:<queue>, arn:aws:sns:<region>:<account>:<topic>, arn:aws:s3:::<bucket>)';
const PATH = 'mapping.destinationConfig';

describe('resolveDestinationConfig (R41)', () => {
  it('defaults to no destination', () => {
    expect(resolveDestinationConfig(undefined, PATH)).toEqual({});
    expect(resolveDestinationConfig({}, PATH)).toEqual({});
  });

  it.each([
    'arn:aws:sqs:us-east-1:123456789012:failed-records',
    'arn:aws:sns:eu-west-1:123456789012:failed_records',
    'arn:aws:s3:::failed-records.bucket',
    'arn:aws-cn:sqs:cn-north-1:123456789012:dlq',
    'arn:aws-us-gov:sns:us-gov-west-1:123456789012:dlq',
  ])('accepts %s as an OnFailure destination', (destination) => {
    expect(resolveDestinationConfig({ onFailure: { destination } }, PATH)).toEqual({ onFailure: { destination } });
  });

  it.each([
    'arn:aws:lambda:us-east-1:123456789012:function:other',
    'arn:aws:sqs:us-east-1:123456789012:queue.fifo',
    'arn:aws:sns:us-east-1:123456789012:topic.fifo',
    'arn:aws:sqs:us-east-1:1234:dlq',
    'arn:aws:s3:::ab',
    'arn:aws:s3:::Upper',
    'https://sqs.us-east-1.amazonaws.com/123456789012/dlq',
    '',
  ])('rejects %j', (destination) => {
    expect(errorMessage(() => resolveDestinationConfig({ onFailure: { destination } }, PATH))).toBe(
      `${PATH}.onFailure.destination ${RULE} (got ${JSON.stringify(destination)})`,
    );
  });

  it('rejects a missing or non-string destination', () => {
    expect(errorMessage(() => resolveDestinationConfig({ onFailure: {} }, PATH))).toBe(
      `${PATH}.onFailure.destination ${RULE} (got undefined)`,
    );
    expect(errorMessage(() => resolveDestinationConfig({ onFailure: { destination: 7 } }, PATH))).toBe(
      `${PATH}.onFailure.destination ${RULE} (got 7)`,
    );
  });

  it('rejects OnSuccess, which stream mappings do not support (R28)', () => {
    const onSuccess = { destination: 'arn:aws:sqs:us-east-1:123456789012:ok' };
    expect(errorMessage(() => resolveMappingConfig({ destinationConfig: { onSuccess } as never }))).toBe(
      `${PATH}.onSuccess is not supported for stream event source mappings (R28) (got {"destination":"arn:aws:sqs:us-east-1:123456789012:ok"})`,
    );
  });

  it('rejects unknown and PascalCase keys', () => {
    expect(errorMessage(() => resolveDestinationConfig({ onFailur: {} }, PATH))).toBe(
      `${PATH}.onFailur is not a known option; valid options are onFailure`,
    );
    expect(errorMessage(() => resolveDestinationConfig({ OnFailure: {} }, PATH))).toBe(
      `${PATH}.OnFailure is not a known option; use camelCase: onFailure`,
    );
    expect(errorMessage(() => resolveDestinationConfig({ onFailure: { Destination: 'x' } }, PATH))).toBe(
      `${PATH}.onFailure.Destination is not a known option; use camelCase: destination`,
    );
  });

  it('rejects non-objects', () => {
    expect(errorMessage(() => resolveDestinationConfig('arn:aws:s3:::bucket', PATH))).toBe(
      `${PATH} must be an object (got "arn:aws:s3:::bucket")`,
    );
    expect(errorMessage(() => resolveDestinationConfig({ onFailure: null }, PATH))).toBe(
      `${PATH}.onFailure must be an object (got null)`,
    );
  });
});
