import { describe, expect, it } from 'vitest';
import { resolveFunctionConfig } from '../../src/scenario/resolveFunctionConfig.js';
import type { FunctionParameters } from '../../src/scenario/functionConfig.js';
import { errorMessage } from '../support/errorMessage.js';

const HERE = { region: 'eu-central-1', accountId: '210987654321' };
const loose = (params: Record<string, unknown>): FunctionParameters => params as FunctionParameters;

describe('resolveFunctionConfig', () => {
  it("applies Lambda's defaults and derives the ARN from region and account", () => {
    const config = resolveFunctionConfig(undefined, HERE);
    expect(config).toEqual({
      functionName: 'shardcheck-handler',
      timeout: 3,
      memorySize: 128,
      runtime: 'nodejs22.x',
      functionArn: 'arn:aws:lambda:eu-central-1:210987654321:function:shardcheck-handler',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('keeps given values', () => {
    expect(resolveFunctionConfig({ functionName: 'My_fn-2', timeout: 900, memorySize: 10240, runtime: 'nodejs24.x' }, HERE)).toEqual({
      functionName: 'My_fn-2',
      timeout: 900,
      memorySize: 10240,
      runtime: 'nodejs24.x',
      functionArn: 'arn:aws:lambda:eu-central-1:210987654321:function:My_fn-2',
    });
  });

  it.each(['a', 'x'.repeat(64)])('accepts the name %s', (functionName) => {
    expect(resolveFunctionConfig({ functionName }, HERE).functionName).toBe(functionName);
  });

  it.each([
    ['', '""'],
    ['x'.repeat(65), JSON.stringify('x'.repeat(65))],
    ['my.function', '"my.function"'],
    ['has space', '"has space"'],
    [42, '42'],
  ])('rejects the name %j', (functionName, got) => {
    expect(errorMessage(() => resolveFunctionConfig(loose({ functionName }), HERE))).toBe(
      `function.functionName must be 1..64 characters of A-Z, a-z, 0-9, - and _ (got ${got})`,
    );
  });

  it.each([1, 900])('accepts timeout %d', (timeout) => {
    expect(resolveFunctionConfig({ timeout }, HERE).timeout).toBe(timeout);
  });

  it.each([0, 901, 1.5])('rejects timeout %d', (timeout) => {
    expect(errorMessage(() => resolveFunctionConfig({ timeout }, HERE))).toBe(
      `function.timeout must be an integer number of seconds in 1..900 (got ${timeout})`,
    );
  });

  it.each([128, 10240])('accepts memorySize %d', (memorySize) => {
    expect(resolveFunctionConfig({ memorySize }, HERE).memorySize).toBe(memorySize);
  });

  it.each([127, 10241, 256.5])('rejects memorySize %d', (memorySize) => {
    expect(errorMessage(() => resolveFunctionConfig({ memorySize }, HERE))).toBe(
      `function.memorySize must be an integer number of MB in 128..10240 (got ${memorySize})`,
    );
  });

  it.each(['nodejs20.x', 'nodejs22.x', 'nodejs24.x'] as const)('accepts runtime %s', (runtime) => {
    expect(resolveFunctionConfig({ runtime }, HERE).runtime).toBe(runtime);
  });

  it.each(['nodejs18.x', 'python3.12', 22])('rejects runtime %s', (runtime) => {
    expect(errorMessage(() => resolveFunctionConfig(loose({ runtime }), HERE))).toBe(
      `function.runtime must be one of nodejs20.x, nodejs22.x, nodejs24.x (got ${JSON.stringify(runtime)})`,
    );
  });

  it('rejects unknown and PascalCase options', () => {
    expect(errorMessage(() => resolveFunctionConfig(loose({ handler: 'index.handler' }), HERE))).toBe(
      'function.handler is not a known option; valid options are functionName, timeout, memorySize, runtime',
    );
    expect(errorMessage(() => resolveFunctionConfig(loose({ Timeout: 3 }), HERE))).toBe(
      'function.Timeout is not a known option; use camelCase: timeout',
    );
  });
});
