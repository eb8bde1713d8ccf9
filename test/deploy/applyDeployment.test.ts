import { describe, expect, it } from 'vitest';
import { applyDeployment, readDeployment } from '../../src/deploy/index.js';
import { mappingTemplate } from './support.js';

const SAM = 'fixtures/templates/sam/template.yaml';
const CFN = 'fixtures/templates/cloudformation/stream-mappings.json';

describe('applyDeployment: what checkStreamHandler({ deployment }) pins', () => {
  it('pins every deployed mapping field, the table and the function', () => {
    const applied = applyDeployment(SAM);
    const d = readDeployment(SAM);
    expect(applied.mapping).toEqual(d.mapping);
    expect(applied.table).toEqual(d.table);
    expect(applied.function).toEqual(d.function);
  });

  it('lets the user\'s mapping fields, table and function fields win', () => {
    const table = { partitionKey: 'id' };
    const applied = applyDeployment({ file: SAM }, { mapping: { startingPosition: 'LATEST', functionResponseTypes: [] }, table, function: { timeout: 5 } });
    expect(applied.mapping).toMatchObject({ startingPosition: 'LATEST', functionResponseTypes: [], batchSize: 25, bisectBatchOnFunctionError: true });
    expect(applied.table).toBe(table);
    expect(applied.function).toEqual({ functionName: 'orders-indexer-dev', timeout: 5, memorySize: 1024 });
  });

  it('passes select and parameters on', () => {
    expect(applyDeployment({ file: CFN, select: 'AuditStreamMapping' }).mapping.parallelizationFactor).toBe(4);
    expect(applyDeployment({ file: SAM, parameters: { Stage: 'prod' } }).mapping.batchSize).toBe(100);
  });

  it('refuses deployments a check would get wrong: unsupported settings, Kinesis, disabled mappings', () => {
    expect(() => applyDeployment({ file: CFN, select: 'AnalyticsStreamMapping' }, {}, 'checkStreamHandler.deployment')).toThrow(
      `checkStreamHandler.deployment: ${CFN}: AnalyticsStreamMapping.TumblingWindowInSeconds is deployed but tumbling windows are not simulated yet, so a check would not run what runs on AWS (got 60); also AnalyticsStreamMapping.FilterCriteria`,
    );
    expect(() => applyDeployment({ file: CFN, select: 'ClickstreamMapping' })).toThrow(`deployment: ${CFN}: ClickstreamMapping reads a Kinesis stream; shardcheck simulates DynamoDB Streams only so far (got kinesis)`);
    const disabled = mappingTemplate({ Enabled: false });
    expect(() => applyDeployment(disabled)).toThrow(`deployment: ${disabled}: Mapping is disabled (Enabled: false), so the function would never be invoked; pass mapping: { enabled: true } to check it as if enabled`);
    expect(applyDeployment(disabled, { mapping: { enabled: true } }).mapping.enabled).toBe(true);
  });

  it('validates the option itself', () => {
    expect(() => applyDeployment({ file: '' })).toThrow('deployment.file must be a path to a template, a serverless.yml or a cdk.out directory (got "")');
    expect(() => applyDeployment({ file: SAM, function: 'x' } as never)).toThrow('deployment.function is not a known option; valid options are file, select, parameters');
  });
});
