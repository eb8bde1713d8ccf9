import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

const dir = mkdtempSync(join(tmpdir(), 'shardcheck-deploy-'));
let count = 0;

/** Writes `content` (text, or data written as JSON) to a fresh file named `name` and returns its path. */
export function templateFile(content: string | object, name = 'template.yaml'): string {
  const file = join(dir, `${count++}-${name}`);
  writeFileSync(file, typeof content === 'string' ? content : name.endsWith('.json') ? JSON.stringify(content, null, 1) : stringify(content));
  return file;
}

const TABLE = {
  Type: 'AWS::DynamoDB::Table',
  Properties: {
    TableName: 'items',
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
  },
};
const FUNCTION = { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'handler', Runtime: 'nodejs20.x', Handler: 'index.handler' } };

/** A JSON template with a table, a function and one mapping whose properties are `properties` on top of a minimal valid set. */
export function mappingTemplate(properties: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return templateFile(
    {
      ...extra,
      Resources: {
        Table: TABLE,
        Handler: FUNCTION,
        Mapping: {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: { EventSourceArn: { 'Fn::GetAtt': ['Table', 'StreamArn'] }, FunctionName: { Ref: 'Handler' }, StartingPosition: 'TRIM_HORIZON', ...properties },
        },
        ...((extra.Resources as object | undefined) ?? {}),
      },
    },
    'template.json',
  );
}
