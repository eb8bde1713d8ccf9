import { describe, expect, it } from 'vitest';
import { Unresolvable } from '../../src/deploy/deploymentError.js';
import { expandVariables, type ServerlessContext } from '../../src/deploy/serverlessVariables.js';

const doc = {
  service: 'orders',
  custom: { size: 50, table: 'orders-${sls:stage}', nested: { list: ['a', 'b'] }, stageKey: { dev: 'small', prod: 'big' }, loop: '${self:custom.loop}' },
};
const context = (parameters = {}): ServerlessContext => ({ doc, parameters, stage: 'dev', region: 'eu-west-1', accountId: '111122223333' });
const expand = (text: string, parameters = {}): unknown => expandVariables(text, context(parameters));

describe('expandVariables: serverless.yml variables', () => {
  it('reads self: paths, keeping the type of a whole-string variable', () => {
    expect(expand('${self:custom.size}')).toBe(50);
    expect(expand('${self:custom.nested.list}')).toEqual(['a', 'b']);
    expect(expand('${self:custom.table}')).toBe('orders-dev');
    expect(expand('batch-${self:custom.size}')).toBe('batch-50');
    expect(expand('${self:service}-${sls:stage}-${aws:region}-${aws:accountId}')).toBe('orders-dev-eu-west-1-111122223333');
  });

  it('resolves nested variables and tries fallbacks in order', () => {
    expect(expand('${self:custom.stageKey.${sls:stage}}')).toBe('small');
    expect(expand("${opt:stage, 'dev'}")).toBe('dev');
    expect(expand("${opt:stage, 'dev'}", { stage: 'prod' })).toBe('prod');
    expect(expand('${opt:size, self:custom.size}')).toBe(50);
    expect(expand("${env:MISSING, ${opt:missing}, 'last'}")).toBe('last');
    expect(expand('${param:size, 3}')).toBe(3);
    expect(expand('${ssm:/x, 7}')).toBe(7);
  });

  it('leaves Fn::Sub variables alone', () => {
    expect(expand('arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:${self:service}-${Queue.QueueName}')).toBe('arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:orders-${Queue.QueueName}');
  });

  it('refuses deploy-time sources and values without fallback, never reading the process environment', () => {
    process.env.SHARDCHECK_DEPLOY_TEST = 'from-env';
    const reason = (text: string): string => {
      try {
        expand(text);
      } catch (error) {
        if (error instanceof Unresolvable) return error.reason;
        throw error;
      }
      throw new Error('expected Unresolvable');
    };
    expect(reason('${env:SHARDCHECK_DEPLOY_TEST}')).toBe('${env:SHARDCHECK_DEPLOY_TEST} has no value here and no fallback');
    expect(reason('${ssm:/orders/size}')).toBe('${ssm:/orders/size} is read at deploy time (ssm:); pass the value it stands for in `parameters` or give the variable a fallback');
    expect(reason('x-${self:custom.nested}')).toBe('${self:custom.nested} is not text, so it cannot be part of "x-${self:custom.nested}"');
    expect(reason('${self:custom.loop}')).toMatch(/nest more than 20 deep/);
    delete process.env.SHARDCHECK_DEPLOY_TEST;
  });
});
