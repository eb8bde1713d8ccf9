import { describe, expect, it } from 'vitest';
import { readDeployment } from '../../src/deploy/index.js';
import { mappingTemplate } from './support.js';

/** The message readDeployment throws for a mapping with `properties`, with the file name replaced by FILE. */
function errorOf(properties: Record<string, unknown>, extra?: Record<string, unknown>): string {
  const file = mappingTemplate(properties, extra);
  try {
    readDeployment(file);
  } catch (error) {
    return (error as Error).message.replace(file, 'FILE');
  }
  throw new Error('expected readDeployment to throw');
}

describe('readCfnMapping: AWS defaults for what the template leaves out (spec Part C)', () => {
  it('fills every field with AWS\'s default', () => {
    expect(readDeployment(mappingTemplate({})).mapping).toEqual({
      batchSize: 100,
      maximumBatchingWindowInSeconds: 0,
      startingPosition: 'TRIM_HORIZON',
      bisectBatchOnFunctionError: false,
      maximumRetryAttempts: -1,
      maximumRecordAgeInSeconds: -1,
      parallelizationFactor: 1,
      functionResponseTypes: [],
      destinationConfig: {},
      enabled: true,
    });
  });

  it('accepts numbers and booleans written as strings, as CloudFormation does', () => {
    const d = readDeployment(mappingTemplate({ BatchSize: '7', BisectBatchOnFunctionError: 'true', Enabled: 'false', TumblingWindowInSeconds: 0 }));
    expect(d.mapping).toMatchObject({ batchSize: 7, bisectBatchOnFunctionError: true, enabled: false });
    expect(d.unsupported).toEqual([]);
  });
});

describe('readCfnMapping: errors name the file, the resource and the property (deployment: <file>: <Resource>.<Property> <rule> (got <value>))', () => {
  it.each([
    [{ BatchSize: 0 }, 'Mapping.BatchSize must be an integer in 1..10000 (got 0)'],
    [{ BatchSize: 10_001 }, 'Mapping.BatchSize must be an integer in 1..10000 (got 10001)'],
    [{ MaximumBatchingWindowInSeconds: 301 }, 'Mapping.MaximumBatchingWindowInSeconds must be an integer in 0..300 (got 301)'],
    [{ MaximumRetryAttempts: -2 }, 'Mapping.MaximumRetryAttempts must be -1 or 0..10000 (got -2)'],
    [{ MaximumRecordAgeInSeconds: 59 }, 'Mapping.MaximumRecordAgeInSeconds must be -1 or 60..604800 (got 59)'],
    [{ ParallelizationFactor: 11 }, 'Mapping.ParallelizationFactor must be an integer in 1..10 (got 11)'],
    [{ BisectBatchOnFunctionError: 'yes' }, 'Mapping.BisectBatchOnFunctionError must be true or false (got "yes")'],
    [{ FunctionResponseTypes: ['ReportBatchItemFailure'] }, 'Mapping.FunctionResponseTypes must be [] or ["ReportBatchItemFailures"] (got ["ReportBatchItemFailure"])'],
    [{ StartingPosition: 'AT_TIMESTAMP' }, 'Mapping.StartingPosition must be TRIM_HORIZON or LATEST (DynamoDB streams do not support AT_TIMESTAMP) (got "AT_TIMESTAMP")'],
    [{ StartingPosition: undefined }, 'Mapping.StartingPosition is required for DynamoDB and Kinesis stream mappings (got undefined)'],
    [{ TumblingWindowInSeconds: 901 }, 'Mapping.TumblingWindowInSeconds must be an integer in 0..900 (got 901)'],
    [{ DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq.fifo' } } }, 'Mapping.DestinationConfig.OnFailure.Destination must be the ARN of a standard SQS queue, a standard SNS topic or an S3 bucket (got "arn:aws:sqs:us-east-1:123456789012:dlq.fifo")'],
    [{ DestinationConfig: { OnSuccess: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } } }, 'Mapping.DestinationConfig.OnSuccess is not supported for stream event source mappings (got {"Destination":"arn:aws:sqs:us-east-1:123456789012:dlq"})'],
    [{ EventSourceArn: 'arn:aws:s3:::bucket' }, 'Mapping.EventSourceArn must be a DynamoDB table\'s stream ARN (Fn::GetAtt Table.StreamArn) or a Kinesis stream ARN (got "arn:aws:s3:::bucket")'],
  ])('%j', (properties, message) => {
    expect(errorOf(properties)).toBe(`deployment: FILE: ${message}`);
  });

  it('names the parameter behind an unresolvable value', () => {
    expect(errorOf({ BatchSize: { Ref: 'Size' } }, { Parameters: { Size: { Type: 'Number' } } })).toBe(
      'deployment: FILE: Mapping.BatchSize cannot be resolved: parameter Size has no Default; pass its value in `parameters` (got {"Ref":"Size"})',
    );
    expect(errorOf({ BatchSize: { 'Fn::ImportValue': 'shared-batch-size' } })).toBe(
      'deployment: FILE: Mapping.BatchSize cannot be resolved: Fn::ImportValue reads another stack\'s export, which is not in this file (got {"Fn::ImportValue":"shared-batch-size"})',
    );
  });

  it('lists unknown properties as unsupported and settings without effect on delivery as warnings', () => {
    const file = mappingTemplate({ MetricsConfig: { Metrics: ['EventCount'] }, KmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k', Queues: ['q'], FutureSetting: { On: true } });
    const d = readDeployment(file);
    expect(d.unsupported).toEqual([{ property: 'Mapping.FutureSetting', setting: 'futureSetting', value: { On: true }, reason: 'shardcheck does not know this property' }]);
    expect(d.warnings).toEqual([
      `deployment: ${file}: Mapping.MetricsConfig is read but not simulated: metrics are not simulated`,
      `deployment: ${file}: Mapping.KmsKeyArn is read but not simulated: it only encrypts the filter criteria`,
      `deployment: ${file}: Mapping.Queues is ignored: it does not apply to DynamoDB or Kinesis stream mappings`,
    ]);
  });

  it('reports a table without a stream and a key schema without types', () => {
    const noStream = { Resources: { Table: { Type: 'AWS::DynamoDB::Table', Properties: { AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] } } } };
    expect(errorOf({}, noStream)).toBe('deployment: FILE: Table.StreamSpecification is missing: the table has no stream for the mapping to read (got undefined)');
    const untyped = { Resources: { Table: { Type: 'AWS::DynamoDB::Table', Properties: { AttributeDefinitions: [], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], StreamSpecification: { StreamViewType: 'NEW_IMAGE' } } } } };
    expect(errorOf({}, untyped)).toBe('deployment: FILE: Table.KeySchema must name a HASH attribute listed in AttributeDefinitions with type S, N or B (got [{"AttributeName":"pk","KeyType":"HASH"}])');
  });

  it('reports function settings outside Lambda\'s ranges', () => {
    const fn = (properties: object) => ({ Resources: { Handler: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'i.h', ...properties } } } });
    expect(errorOf({}, fn({ Timeout: 901 }))).toBe('deployment: FILE: Handler.Timeout must be an integer number of seconds in 1..900 (got 901)');
    expect(errorOf({}, fn({ MemorySize: 64 }))).toBe('deployment: FILE: Handler.MemorySize must be an integer number of MB in 128..10240 (got 64)');
  });

  it('falls back to a generated name, with a warning, when a name cannot be resolved (names do not change delivery)', () => {
    const file = mappingTemplate({}, { Parameters: { Env: { Type: 'String' } }, Resources: { Handler: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: { 'Fn::Sub': '${Env}-handler' } } } } });
    const d = readDeployment(file);
    expect(d.function?.functionName).toBe('stack-Handler');
    expect(d.warnings).toEqual([`deployment: ${file}: Handler.FunctionName cannot be resolved (parameter Env has no Default; pass its value in \`parameters\`); using stack-Handler`]);
  });
});
