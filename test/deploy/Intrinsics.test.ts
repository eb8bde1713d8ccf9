import { describe, expect, it } from 'vitest';
import { Unresolvable } from '../../src/deploy/deploymentError.js';
import { Intrinsics, NO_VALUE } from '../../src/deploy/Intrinsics.js';

const template = {
  Parameters: {
    Stage: { Type: 'String', Default: 'dev' },
    Size: { Type: 'Number', Default: '25' },
    Zones: { Type: 'CommaDelimitedList', Default: 'a, b,c' },
    NoDefault: { Type: 'String' },
    FromSsm: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/app/size' },
  },
  Mappings: { Sizes: { dev: { Batch: 10 }, prod: { Batch: 100 } } },
  Conditions: {
    IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] },
    IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
    Both: { 'Fn::And': [{ Condition: 'IsDev' }, { 'Fn::Or': [{ Condition: 'IsProd' }, { 'Fn::Equals': ['a', 'a'] }] }] },
    Loop: { 'Fn::Not': [{ Condition: 'Loop' }] },
  },
  Resources: {
    Table: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: { 'Fn::Sub': 'orders-${Stage}' } } },
    Queue: { Type: 'AWS::SQS::Queue' },
    Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'alerts' } },
    Bucket: { Type: 'AWS::S3::Bucket' },
    Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'worker' } },
    Stream: { Type: 'AWS::Kinesis::Stream', Properties: { Name: 'clicks' } },
    Consumer: { Type: 'AWS::Kinesis::StreamConsumer', Properties: { ConsumerName: 'c', StreamARN: { 'Fn::GetAtt': ['Stream', 'Arn'] } } },
    Role: { Type: 'AWS::IAM::Role' },
  },
};

const make = (parameters = {}) => new Intrinsics({ template, parameters, location: { region: 'eu-west-1', accountId: '111122223333', stackName: 'app' } });
const reason = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof Unresolvable) return error.reason;
    throw error;
  }
  throw new Error('expected Unresolvable');
};

describe('Intrinsics: parameters and pseudo parameters', () => {
  const i = make();

  it('takes Defaults, typed by the parameter Type, and given values over them', () => {
    expect(i.resolve({ Ref: 'Stage' })).toBe('dev');
    expect(i.resolve({ Ref: 'Size' })).toBe(25);
    expect(i.resolve({ Ref: 'Zones' })).toEqual(['a', 'b', 'c']);
    expect(make({ Stage: 'prod', Size: 7 }).resolve([{ Ref: 'Stage' }, { Ref: 'Size' }])).toEqual(['prod', 7]);
  });

  it('refuses parameters without Default and SSM parameters unless given', () => {
    expect(reason(() => i.resolve({ Ref: 'NoDefault' }))).toBe('parameter NoDefault has no Default; pass its value in `parameters`');
    expect(reason(() => i.resolve({ Ref: 'FromSsm' }))).toBe('parameter FromSsm is read from SSM Parameter Store at deploy time; pass its value in `parameters`');
    expect(make({ FromSsm: '5' }).resolve({ Ref: 'FromSsm' })).toBe('5');
    expect(reason(() => i.resolve({ Ref: 'Nothing' }))).toBe('Ref Nothing names no parameter or resource of this file');
  });

  it('answers pseudo parameters from the stack location; AWS::NoValue removes the property or element', () => {
    expect(i.resolve({ 'Fn::Sub': '${AWS::StackName}-${AWS::Region}-${AWS::AccountId}-${AWS::Partition}' })).toBe('app-eu-west-1-111122223333-aws');
    expect(i.resolve({ a: 1, b: { Ref: 'AWS::NoValue' }, c: [1, { Ref: 'AWS::NoValue' }, 2] })).toEqual({ a: 1, c: [1, 2] });
    expect(i.resolve({ Ref: 'AWS::NoValue' })).toBe(NO_VALUE);
  });
});

describe('Intrinsics: functions', () => {
  const i = make();

  it('evaluates Sub (both forms, escapes), Join, Split, Select, FindInMap, Base64, Length, ToJsonString', () => {
    expect(i.resolve({ 'Fn::Sub': ['${Name}/${!Literal}/${Stage}', { Name: { Ref: 'Size' } }] })).toBe('25/${Literal}/dev');
    expect(i.resolve({ 'Fn::Join': ['-', ['a', { Ref: 'Stage' }, 3]] })).toBe('a-dev-3');
    expect(i.resolve({ 'Fn::Select': ['1', { 'Fn::Split': [',', 'x,y,z'] }] })).toBe('y');
    expect(i.resolve({ 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'Batch'] })).toBe(10);
    expect(i.resolve({ 'Fn::FindInMap': ['Sizes', 'test', 'Batch', { DefaultValue: 5 }] })).toBe(5);
    expect(i.resolve({ 'Fn::Base64': 'hi' })).toBe('aGk=');
    expect(i.resolve({ 'Fn::Length': [1, 2, 3] })).toBe(3);
    expect(i.resolve({ 'Fn::ToJsonString': { a: { Ref: 'Stage' } } })).toBe('{"a":"dev"}');
  });

  it('evaluates conditions (Equals, Not, And, Or, Condition) and If', () => {
    expect(i.condition('IsProd')).toBe(false);
    expect(i.condition('IsDev')).toBe(true);
    expect(i.condition('Both')).toBe(true);
    expect(i.resolve({ 'Fn::If': ['IsProd', 100, 10] })).toBe(10);
    expect(make({ Stage: 'prod' }).resolve({ 'Fn::If': ['IsProd', 100, 10] })).toBe(100);
    expect(reason(() => i.condition('Loop'))).toBe('condition Loop refers to itself');
    expect(reason(() => i.condition('Missing'))).toBe('condition Missing is not defined in Conditions');
  });

  it('refuses what the file alone cannot answer', () => {
    expect(reason(() => i.resolve({ 'Fn::ImportValue': 'x' }))).toBe("Fn::ImportValue reads another stack's export, which is not in this file");
    expect(reason(() => i.resolve({ 'Fn::GetAZs': '' }))).toBe('Fn::GetAZs is not evaluated by shardcheck');
    expect(reason(() => i.resolve({ 'Fn::Select': [5, ['a']] }))).toBe('Fn::Select index 5 is outside the list of 1');
    expect(reason(() => i.resolve({ 'Fn::GetAtt': ['Role', 'Arn'] }))).toBe('Fn::GetAtt Role.Arn of AWS::IAM::Role Role is not modelled by shardcheck');
  });
});

describe('Intrinsics: Ref and Fn::GetAtt of resources give the names and ARNs CloudFormation would', () => {
  const i = make();

  it.each([
    [{ Ref: 'Table' }, 'orders-dev'],
    [{ 'Fn::GetAtt': ['Table', 'Arn'] }, 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders-dev'],
    [{ 'Fn::GetAtt': 'Table.StreamArn' }, 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders-dev/stream/1970-01-01T00:00:00.000'],
    [{ Ref: 'Queue' }, 'https://sqs.eu-west-1.amazonaws.com/111122223333/app-Queue'],
    [{ 'Fn::GetAtt': ['Queue', 'Arn'] }, 'arn:aws:sqs:eu-west-1:111122223333:app-Queue'],
    [{ Ref: 'Topic' }, 'arn:aws:sns:eu-west-1:111122223333:alerts'],
    [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, 'arn:aws:s3:::app-bucket'],
    [{ 'Fn::GetAtt': ['Fn', 'Arn'] }, 'arn:aws:lambda:eu-west-1:111122223333:function:worker'],
    [{ 'Fn::GetAtt': ['Stream', 'Arn'] }, 'arn:aws:kinesis:eu-west-1:111122223333:stream/clicks'],
    [{ Ref: 'Consumer' }, 'arn:aws:kinesis:eu-west-1:111122223333:stream/clicks/consumer/c:0'],
    [{ 'Fn::Sub': '${Queue.Arn}' }, 'arn:aws:sqs:eu-west-1:111122223333:app-Queue'],
  ])('%j → %s', (value, expected) => {
    expect(i.resolve(value)).toBe(expected);
  });
});
