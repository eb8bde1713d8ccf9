import { Unresolvable } from './deploymentError.js';
import type { Intrinsics } from './Intrinsics.js';

/** The property that names each modelled resource type, and the form its names take. */
const NAMES: Readonly<Record<string, { readonly property: string; readonly pattern: RegExp; readonly max: number }>> = {
  'AWS::DynamoDB::Table': { property: 'TableName', pattern: /^[A-Za-z0-9_.-]{3,255}$/, max: 255 },
  'AWS::DynamoDB::GlobalTable': { property: 'TableName', pattern: /^[A-Za-z0-9_.-]{3,255}$/, max: 255 },
  'AWS::SQS::Queue': { property: 'QueueName', pattern: /^[A-Za-z0-9_-]{1,80}(\.fifo)?$/, max: 80 },
  'AWS::SNS::Topic': { property: 'TopicName', pattern: /^[A-Za-z0-9_-]{1,256}(\.fifo)?$/, max: 256 },
  'AWS::S3::Bucket': { property: 'BucketName', pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, max: 63 },
  'AWS::Lambda::Function': { property: 'FunctionName', pattern: /^[A-Za-z0-9_-]{1,64}$/, max: 64 },
  'AWS::Serverless::Function': { property: 'FunctionName', pattern: /^[A-Za-z0-9_-]{1,64}$/, max: 64 },
  'AWS::Kinesis::Stream': { property: 'Name', pattern: /^[A-Za-z0-9_.-]{1,128}$/, max: 128 },
  'AWS::Kinesis::StreamConsumer': { property: 'ConsumerName', pattern: /^[A-Za-z0-9_.-]{1,128}$/, max: 128 },
};

/**
 * The physical name of a resource: its name property when it resolves to a valid name, else one
 * derived from the logical id, as CloudFormation generates names (`<stack>-<LogicalId>-<suffix>`,
 * here without the random suffix, so runs are reproducible). Returns `generated: true` for those.
 */
export function physicalName(intrinsics: Intrinsics, logicalId: string): { name: string; generated: boolean } {
  const resource = intrinsics.resource(logicalId);
  const form = resource === undefined ? undefined : NAMES[resource.Type];
  if (resource === undefined || form === undefined) throw new Unresolvable(`resource ${logicalId} has no name shardcheck can derive`);
  const given = resource.Properties?.[form.property];
  if (given !== undefined) {
    const name = intrinsics.resolve(given);
    if (typeof name === 'string' && form.pattern.test(name)) return { name, generated: false };
    throw new Unresolvable(`${logicalId}.${form.property} is not a valid name (got ${JSON.stringify(name)})`);
  }
  let name = `${intrinsics.location.stackName}-${logicalId}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, form.max);
  if (resource.Type === 'AWS::S3::Bucket') name = name.toLowerCase().replace(/_/g, '-').replace(/-+$/, '');
  return { name, generated: true };
}

/**
 * `Ref` (attribute undefined) or `Fn::GetAtt` of a resource, for the types a stream deployment
 * points at: tables and their streams, functions, queues, topics, buckets, Kinesis streams and
 * consumers. ARNs use the stack's region and account.
 */
export function resourceAttribute(intrinsics: Intrinsics, logicalId: string, attribute: string | undefined): unknown {
  const resource = intrinsics.resource(logicalId)!;
  const at: Place = {
    ...intrinsics.location,
    name: () => physicalName(intrinsics, logicalId).name,
    consumedStream: () => intrinsics.resolve(resource.Properties?.StreamARN),
  };
  const read = attributesOf(resource.Type, at)[attribute ?? 'Ref'];
  if (read === undefined) {
    const what = attribute === undefined ? 'Ref' : `Fn::GetAtt ${logicalId}.${attribute}`;
    throw new Unresolvable(`${what} of ${resource.Type} ${logicalId} is not modelled by shardcheck`);
  }
  return read();
}

interface Place {
  readonly region: string;
  readonly accountId: string;
  readonly name: () => string;
  /** The stream a Kinesis consumer reads. */
  readonly consumedStream: () => unknown;
}

function attributesOf(type: string, at: Place): Record<string, () => unknown> {
  const { name, region, accountId } = at;
  const arn = (service: string, part: string): string => `arn:aws:${service}:${region}:${accountId}:${part}`;
  switch (type) {
    case 'AWS::DynamoDB::Table':
    case 'AWS::DynamoDB::GlobalTable':
      // Any label serves: the simulated stream has its own creation instant.
      return { Ref: name, Arn: () => arn('dynamodb', `table/${name()}`), StreamArn: () => arn('dynamodb', `table/${name()}/stream/1970-01-01T00:00:00.000`) };
    case 'AWS::SQS::Queue': {
      const url = (): string => `https://sqs.${region}.amazonaws.com/${accountId}/${name()}`;
      return { Ref: url, QueueUrl: url, Arn: () => arn('sqs', name()), QueueName: name };
    }
    case 'AWS::SNS::Topic':
      return { Ref: () => arn('sns', name()), TopicArn: () => arn('sns', name()), TopicName: name };
    case 'AWS::S3::Bucket':
      return { Ref: name, Arn: () => `arn:aws:s3:::${name()}` };
    case 'AWS::Lambda::Function':
    case 'AWS::Serverless::Function':
      return { Ref: name, Arn: () => arn('lambda', `function:${name()}`) };
    case 'AWS::Kinesis::Stream':
      return { Ref: name, Arn: () => arn('kinesis', `stream/${name()}`) };
    case 'AWS::Kinesis::StreamConsumer': {
      const consumerArn = (): string => `${String(at.consumedStream())}/consumer/${name()}:0`;
      return { Ref: consumerArn, ConsumerARN: consumerArn, ConsumerName: name };
    }
    default:
      return {};
  }
}
