import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeployment } from '../../src/deploy/index.js';
import { resolveFunctionConfig, resolveMappingConfig } from '../../src/scenario/index.js';
import { resolveTableSpec } from '../../src/table/index.js';
import { templateFile } from './support.js';

const SAM = 'fixtures/templates/sam/template.yaml';
const CFN = 'fixtures/templates/cloudformation/stream-mappings.json';
const SERVERLESS = 'fixtures/templates/serverless/serverless.yml';
const CDK = 'fixtures/templates/cdk.out';

const MAPPING_FIELDS = ['batchSize', 'maximumBatchingWindowInSeconds', 'startingPosition', 'bisectBatchOnFunctionError', 'maximumRetryAttempts', 'maximumRecordAgeInSeconds', 'parallelizationFactor', 'functionResponseTypes', 'destinationConfig', 'enabled'].sort();

describe('readDeployment: a SAM template (function event of Type DynamoDB)', () => {
  const d = readDeployment(SAM);

  it('pins every mapping field: the template\'s values through !FindInMap, !If and !GetAtt, AWS defaults for the rest (R19-R28)', () => {
    expect(Object.keys(d.mapping).sort()).toEqual(MAPPING_FIELDS);
    expect(d.mapping).toEqual({
      batchSize: 25, // !FindInMap [StageSettings, !Ref Stage, BatchSize] with Stage's Default dev
      maximumBatchingWindowInSeconds: 1, // !If [IsProd, 5, 1]
      startingPosition: 'TRIM_HORIZON',
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 3,
      maximumRecordAgeInSeconds: -1,
      parallelizationFactor: 1,
      functionResponseTypes: ['ReportBatchItemFailures'],
      destinationConfig: { onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:orders-indexer-dlq-dev' } },
      enabled: true,
    });
  });

  it('reads the table (key schema with types, stream view type, TTL) and the function (own MemorySize over Globals, Globals Timeout)', () => {
    expect(d.source).toBe('dynamodb');
    expect(d.table).toEqual({
      tableName: 'orders-dev',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      streamViewType: 'NEW_AND_OLD_IMAGES',
      ttlAttribute: 'expiresAt',
      region: 'us-east-1',
      accountId: '123456789012',
    });
    expect(d.function).toEqual({ functionName: 'orders-indexer-dev', timeout: 30, memorySize: 1024 });
    expect(d.origin).toEqual({ file: SAM, resource: 'OrdersIndexerFunction.Events.OrdersStream', function: 'OrdersIndexerFunction' });
    expect(d.unsupported).toEqual([]);
    expect(d.warnings).toEqual([]);
  });

  it('takes parameter values over Defaults, like sam deploy --parameter-overrides', () => {
    const prod = readDeployment(SAM, { parameters: { Stage: 'prod' } });
    expect(prod.mapping.batchSize).toBe(100);
    expect(prod.mapping.maximumBatchingWindowInSeconds).toBe(5);
    expect(prod.table?.tableName).toBe('orders-prod');
  });

  it('returns data every validator checkStreamHandler uses accepts, frozen', () => {
    expect(() => resolveMappingConfig(d.mapping)).not.toThrow();
    expect(() => resolveTableSpec(d.table!)).not.toThrow();
    expect(() => resolveFunctionConfig(d.function, { region: 'us-east-1', accountId: '123456789012' })).not.toThrow();
    expect(Object.isFrozen(d.mapping)).toBe(true);
  });
});

describe('readDeployment: a CloudFormation JSON template with explicit EventSourceMappings', () => {
  it('lists the stream mappings (not the SQS one) when several match and none is selected', () => {
    expect(() => readDeployment(CFN)).toThrow(
      `deployment: ${CFN}: has 3 stream mappings; choose one with \`select\`: AuditStreamMapping (function AuditFunction) (select with "AuditStreamMapping"); AnalyticsStreamMapping (function AnalyticsFunction) (select with "AnalyticsStreamMapping"); ClickstreamMapping (function AnalyticsFunction) (select with "ClickstreamMapping")`,
    );
  });

  it('selects by function name through an alias, with a Number parameter Default, an SNS Ref destination and no-effect settings as warnings', () => {
    const d = readDeployment(CFN, 'accounts-audit');
    expect(d.origin).toEqual({ file: CFN, resource: 'AuditStreamMapping', function: 'AuditFunction' });
    expect(d.mapping).toMatchObject({ batchSize: 50, maximumRetryAttempts: 10, maximumRecordAgeInSeconds: 3600, parallelizationFactor: 4, functionResponseTypes: [] });
    expect(d.mapping.destinationConfig).toEqual({ onFailure: { destination: 'arn:aws:sns:us-east-1:123456789012:accounts-audit-failures' } });
    expect(d.table).toMatchObject({ tableName: 'accounts', partitionKey: { name: 'accountId', type: 'N' }, streamViewType: 'NEW_IMAGE' });
    expect(d.table?.sortKey).toBeUndefined();
    expect(d.function).toEqual({ functionName: 'accounts-audit', timeout: 60, memorySize: 256 });
    expect(d.warnings).toEqual([`deployment: ${CFN}: AuditStreamMapping.MetricsConfig is read but not simulated: metrics are not simulated`]);
  });

  it('selects by mapping id, by function logical id and by function ARN-style name alike', () => {
    expect(readDeployment(CFN, 'AuditStreamMapping').origin.resource).toBe('AuditStreamMapping');
    expect(readDeployment(CFN, 'AuditFunction').origin.resource).toBe('AuditStreamMapping');
  });

  it('names the candidates when a selector is ambiguous or matches nothing', () => {
    expect(() => readDeployment(CFN, 'AnalyticsFunction')).toThrow(/has 2 stream mappings named "AnalyticsFunction"; choose one with a more specific name: AnalyticsStreamMapping .*; ClickstreamMapping/);
    expect(() => readDeployment(CFN, 'JobsMapping')).toThrow(/has no stream mapping named "JobsMapping"; candidates: AuditStreamMapping .*AnalyticsStreamMapping .*ClickstreamMapping/);
  });

  it('returns filters and tumbling windows as unsupported data, never silently dropped (R50, R56)', () => {
    const d = readDeployment(CFN, 'AnalyticsStreamMapping');
    expect(d.mapping.startingPosition).toBe('LATEST');
    expect(d.unsupported).toEqual([
      { property: 'AnalyticsStreamMapping.TumblingWindowInSeconds', setting: 'tumblingWindowInSeconds', value: 60, reason: 'tumbling windows are not simulated yet' },
      { property: 'AnalyticsStreamMapping.FilterCriteria', setting: 'filterCriteria', value: { filters: [{ pattern: '{"eventName":["INSERT"]}' }] }, reason: 'event filtering is not simulated yet' },
    ]);
  });

  it('reads a Kinesis mapping from a parameter-given ARN, its AT_TIMESTAMP start as unsupported data (R22)', () => {
    const d = readDeployment(CFN, 'ClickstreamMapping');
    expect(d.source).toBe('kinesis');
    expect(d.table).toBeUndefined();
    expect(d.mapping.batchSize).toBe(500);
    expect(d.unsupported.map((u) => [u.setting, u.value])).toEqual([
      ['startingPosition', 'AT_TIMESTAMP'],
      ['startingPositionTimestamp', 1700000000],
    ]);
  });
});

describe('readDeployment: a serverless.yml', () => {
  it('reads a stream event with the framework\'s variables, its batchWindow name and provider settings', () => {
    const d = readDeployment(SERVERLESS, 'forwarder');
    expect(d.mapping).toEqual({
      batchSize: 50, // ${self:custom.stream.batchSize}
      maximumBatchingWindowInSeconds: 3,
      startingPosition: 'LATEST',
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 2,
      maximumRecordAgeInSeconds: -1,
      parallelizationFactor: 2,
      functionResponseTypes: [],
      destinationConfig: { onFailure: { destination: 'arn:aws:sqs:eu-west-1:123456789012:orders-forwarder-dlq-dev' } },
      enabled: true,
    });
    // provider.timeout, the function's own memorySize, the framework's <service>-<stage>-<key> name.
    expect(d.function).toEqual({ functionName: 'orders-sync-dev-forwarder', timeout: 20, memorySize: 256 });
    expect(d.table).toEqual({ tableName: 'orders-dev', partitionKey: { name: 'orderId', type: 'S' }, streamViewType: 'NEW_AND_OLD_IMAGES', region: 'eu-west-1', accountId: '123456789012' });
    expect(d.origin).toEqual({ file: SERVERLESS, resource: 'functions.forwarder.events[0]', function: 'forwarder' });
  });

  it('applies the framework\'s defaults (batchSize 10, TRIM_HORIZON, memory 1024) and returns filterPatterns as unsupported', () => {
    const d = readDeployment(SERVERLESS, 'orders-notifier-dev');
    expect(d.mapping).toMatchObject({ batchSize: 10, startingPosition: 'TRIM_HORIZON', functionResponseTypes: ['ReportBatchItemFailures'] });
    expect(d.function).toEqual({ functionName: 'orders-notifier-dev', timeout: 20, memorySize: 1024 });
    expect(d.unsupported).toEqual([
      { property: 'functions.notifier.events[0].stream.filterPatterns', setting: 'filterCriteria', value: { filters: [{ pattern: '{"eventName":["INSERT"]}' }] }, reason: 'event filtering is not simulated yet' },
    ]);
  });

  it('resolves ${opt:stage} from parameters', () => {
    const d = readDeployment(SERVERLESS, { select: 'forwarder', parameters: { stage: 'prod' } });
    expect(d.table?.tableName).toBe('orders-prod');
    expect(d.function?.functionName).toBe('orders-sync-prod-forwarder');
  });

  it('reads the string form `- stream: <arn>` and leaves a table defined elsewhere to the user, with a warning', () => {
    const file = templateFile(
      'service: s\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: f.handler\n    events:\n      - stream: arn:aws:dynamodb:eu-west-1:111122223333:table/legacy/stream/2024-01-01T00:00:00.000\n',
      'serverless.yml',
    );
    const d = readDeployment(file);
    expect(d.mapping).toMatchObject({ batchSize: 10, startingPosition: 'TRIM_HORIZON' });
    expect(d.table).toBeUndefined();
    expect(d.warnings).toEqual([`deployment: ${file}: functions.f.events[0]: the table is not defined in this file (stream arn:aws:dynamodb:eu-west-1:111122223333:table/legacy/stream/2024-01-01T00:00:00.000); give \`table\` with its key schema`]);
  });
});

describe('readDeployment: a CDK-synthesized template', () => {
  it('reads cdk.out/<Stack>.template.json: hashed logical ids, Fn::GetAtt StreamArn, generated names after the stack', () => {
    const d = readDeployment(`${CDK}/SearchStack.template.json`);
    expect(d.origin).toEqual({ file: `${CDK}/SearchStack.template.json`, resource: 'IndexerDynamoDBEventSourceSearchStackProductsTable9D2E5F1A0B3C7E84', function: 'Indexer5C3A9B2D' });
    expect(d.mapping).toMatchObject({ batchSize: 20, bisectBatchOnFunctionError: true, maximumRetryAttempts: 5, functionResponseTypes: ['ReportBatchItemFailures'], startingPosition: 'TRIM_HORIZON' });
    expect(d.mapping.destinationConfig).toEqual({ onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:SearchStack-IndexerDeadLetterQueue5B8E2F1C' } });
    expect(d.table).toMatchObject({ tableName: 'SearchStack-ProductsTable241ABFE4', partitionKey: { name: 'tenantId', type: 'S' }, sortKey: { name: 'productId', type: 'S' } });
    expect(d.function).toEqual({ functionName: 'SearchStack-Indexer5C3A9B2D', timeout: 60, memorySize: 512 });
  });

  it('reads the cdk.out directory and selects by construct id or path', () => {
    expect(readDeployment(CDK).origin.function).toBe('Indexer5C3A9B2D');
    expect(readDeployment(CDK, 'Indexer').origin.function).toBe('Indexer5C3A9B2D');
    expect(readDeployment(CDK, 'SearchStack/Indexer').origin.function).toBe('Indexer5C3A9B2D');
  });

  it('reports a directory without templates', () => {
    const empty = mkdtempSync(join(tmpdir(), 'shardcheck-empty-'));
    writeFileSync(join(empty, 'manifest.json'), '{}');
    expect(() => readDeployment(empty)).toThrow(`deployment: ${empty}: is a directory with no *.template.json`);
  });
});

describe('readDeployment: what is not a stream deployment', () => {
  it('reports a missing file, a file with no mapping and a file of another kind', () => {
    expect(() => readDeployment('no/such/template.yaml')).toThrow(/^deployment: no\/such\/template.yaml: cannot be read: ENOENT/);
    const none = templateFile({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } });
    expect(() => readDeployment(none)).toThrow(`deployment: ${none}: has no DynamoDB or Kinesis stream mapping`);
    const other = templateFile({ name: 'package', version: '1.0.0' }, 'package.json');
    expect(() => readDeployment(other)).toThrow(`deployment: ${other}: is neither a CloudFormation/SAM/CDK template (no Resources) nor a serverless.yml (no functions)`);
  });

  it('reads a GlobalTable behind an !If and a SAM Kinesis event; a declared type must match the stream', () => {
    const file = templateFile(
      [
        'Parameters:\n  UseGlobal: { Type: String, Default: "yes" }',
        'Conditions:\n  Global: !Equals [!Ref UseGlobal, "yes"]',
        'Resources:',
        '  G: { Type: AWS::DynamoDB::GlobalTable, Properties: { TableName: shared, AttributeDefinitions: [{AttributeName: id, AttributeType: B}], KeySchema: [{AttributeName: id, KeyType: HASH}], StreamSpecification: { StreamViewType: NEW_IMAGE }, Replicas: [{ Region: us-east-1 }] } }',
        '  L: { Type: AWS::DynamoDB::Table, Properties: { AttributeDefinitions: [{AttributeName: k, AttributeType: S}], KeySchema: [{AttributeName: k, KeyType: HASH}], StreamSpecification: { StreamViewType: KEYS_ONLY } } }',
        '  K: { Type: AWS::Kinesis::Stream, Properties: { ShardCount: 1 } }',
        '  F:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Handler: i.h',
        '      Events:',
        '        Changes: { Type: DynamoDB, Properties: { Stream: !If [Global, !GetAtt G.StreamArn, !GetAtt L.StreamArn], StartingPosition: LATEST } }',
        '        Clicks: { Type: Kinesis, Properties: { Stream: !GetAtt K.Arn, StartingPosition: LATEST } }',
        '        Wrong: { Type: Kinesis, Properties: { Stream: !GetAtt L.StreamArn, StartingPosition: LATEST } }',
      ].join('\n'),
    );
    expect(readDeployment(file, 'F.Changes').table).toMatchObject({ tableName: 'shared', partitionKey: { name: 'id', type: 'B' }, streamViewType: 'NEW_IMAGE' });
    expect(readDeployment(file, { select: 'F.Changes', parameters: { UseGlobal: 'no' } }).table?.streamViewType).toBe('KEYS_ONLY');
    expect(readDeployment(file, 'F.Clicks').source).toBe('kinesis');
    expect(() => readDeployment(file, 'F.Wrong')).toThrow(`deployment: ${file}: F.Events.Wrong.Stream points at a DynamoDB stream, but the event's type is kinesis (got {"Fn::GetAtt":"L.StreamArn"})`);
    expect(() => readDeployment(file, 'F')).toThrow(/has 3 stream mappings named "F"/);
  });

  it('skips resources whose Condition is false (not deployed)', () => {
    const file = templateFile(
      [
        'Parameters:\n  Enabled: { Type: String, Default: "no" }',
        'Conditions:\n  On: !Equals [!Ref Enabled, "yes"]',
        'Resources:',
        '  T: { Type: AWS::DynamoDB::Table, Properties: { AttributeDefinitions: [{AttributeName: k, AttributeType: S}], KeySchema: [{AttributeName: k, KeyType: HASH}], StreamSpecification: { StreamViewType: KEYS_ONLY } } }',
        '  F: { Type: AWS::Lambda::Function, Properties: { Handler: i.h } }',
        '  M: { Type: AWS::Lambda::EventSourceMapping, Condition: On, Properties: { EventSourceArn: !GetAtt T.StreamArn, FunctionName: !Ref F, StartingPosition: LATEST } }',
      ].join('\n'),
    );
    expect(() => readDeployment(file)).toThrow('has no DynamoDB or Kinesis stream mapping');
    expect(readDeployment(file, { parameters: { Enabled: 'yes' } }).table?.streamViewType).toBe('KEYS_ONLY');
  });
});
