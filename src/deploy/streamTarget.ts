import type { StreamSource } from './deployment.js';
import { deploymentError, Unresolvable } from './deploymentError.js';
import { intrinsicOf, splitGetAtt, type Intrinsics } from './Intrinsics.js';
import { physicalName } from './resourceAttribute.js';
import type { PropertyBag } from './PropertyBag.js';

/** What a mapping's source property points at. */
export type StreamTarget =
  | { readonly kind: 'stream'; readonly source: StreamSource; readonly table?: string; readonly arn?: string }
  /** A queue, Kafka topic, MQ broker, DocumentDB change stream: not a stream mapping. */
  | { readonly kind: 'other' };

const TABLE_TYPES = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'];
const DYNAMODB_STREAM = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]*:\d*:table\/([^/]+)\/stream\/.+$/;
const KINESIS = /^arn:aws[a-z-]*:kinesis:[a-z0-9-]*:\d*:stream\/[^/]+(\/consumer\/.+)?$/;
const OTHER = /^arn:aws[a-z-]*:(sqs|kafka|mq|rds|docdb):/;

/**
 * Decides DynamoDB or Kinesis from the source property (`EventSourceArn`, SAM's `Stream`,
 * serverless.yml's `arn`): `Fn::GetAtt` of a table's `StreamArn`, of a Kinesis stream's `Arn`, a
 * consumer, or a literal (or parameter-given) ARN. A table named in an ARN is matched to the
 * file's table resources by name. `declared` (SAM's event `Type`, serverless.yml's `type`) must agree.
 */
export function streamTarget(bag: PropertyBag, key: string, declared?: StreamSource): StreamTarget {
  const target = classify(bag, key);
  if (declared !== undefined && target.kind === 'stream' && target.source !== declared) {
    throw bag.error(key, `points at a ${target.source === 'dynamodb' ? 'DynamoDB' : 'Kinesis'} stream, but the event's type is ${declared}`, bag.written(key));
  }
  if (declared !== undefined && target.kind === 'other') throw bag.error(key, `must be the ARN of a ${declared === 'dynamodb' ? 'DynamoDB' : 'Kinesis'} stream`, bag.written(key));
  return target;
}

function classify(bag: PropertyBag, key: string): StreamTarget {
  const intrinsics = bag.intrinsics;
  let raw = intrinsics.expand(bag.written(key));
  if (raw === undefined) throw bag.error(key, 'is required: the stream the mapping reads', undefined);
  for (let i = intrinsicOf(raw); i?.[0] === 'Fn::If'; i = intrinsicOf(raw)) {
    const [condition, whenTrue, whenFalse] = i[1] as unknown[];
    raw = atPlace(bag, key, raw, () => intrinsics.condition(condition)) ? whenTrue : whenFalse;
  }
  const intrinsic = intrinsicOf(raw);
  if (intrinsic?.[0] === 'Fn::GetAtt') {
    const [logicalId, attribute] = atPlace(bag, key, raw, () => splitGetAtt(intrinsic[1], (v) => intrinsics.resolve(v)));
    const type = intrinsics.resource(logicalId)?.Type;
    if (type !== undefined && TABLE_TYPES.includes(type) && attribute === 'StreamArn') return { kind: 'stream', source: 'dynamodb', table: logicalId };
    if ((type === 'AWS::Kinesis::Stream' && attribute === 'Arn') || (type === 'AWS::Kinesis::StreamConsumer' && attribute === 'ConsumerARN')) return { kind: 'stream', source: 'kinesis' };
    if (type === 'AWS::SQS::Queue' || type === 'AWS::DocDB::DBCluster' || type === 'AWS::MSK::Cluster') return { kind: 'other' };
  }
  if (intrinsic?.[0] === 'Ref' && intrinsics.resource(String(intrinsic[1]))?.Type === 'AWS::Kinesis::StreamConsumer') return { kind: 'stream', source: 'kinesis' };
  const arn = bag.resolve(key, raw);
  return fromArn(bag, key, arn);
}

function fromArn(bag: PropertyBag, key: string, arn: unknown): StreamTarget {
  if (typeof arn === 'string') {
    const dynamodb = DYNAMODB_STREAM.exec(arn);
    if (dynamodb !== null) return { kind: 'stream', source: 'dynamodb', arn, ...tableNamed(bag.intrinsics, dynamodb[1]!) };
    if (KINESIS.test(arn)) return { kind: 'stream', source: 'kinesis', arn };
    if (OTHER.test(arn)) return { kind: 'other' };
  }
  throw bag.error(key, "must be a DynamoDB table's stream ARN (Fn::GetAtt Table.StreamArn) or a Kinesis stream ARN", arn);
}

/** The logical id of the file's table with that physical name, if any. */
function tableNamed(intrinsics: Intrinsics, name: string): { table?: string } {
  for (const id of intrinsics.resourceIds()) {
    if (!TABLE_TYPES.includes(intrinsics.resource(id)?.Type ?? '')) continue;
    try {
      if (physicalName(intrinsics, id).name === name) return { table: id };
    } catch (error) {
      if (!(error instanceof Unresolvable)) throw error;
    }
  }
  return {};
}

function atPlace<T>(bag: PropertyBag, key: string, raw: unknown, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof Unresolvable) throw deploymentError(bag.file, bag.path(key), `cannot be resolved: ${error.reason}`, raw);
    throw error;
  }
}
