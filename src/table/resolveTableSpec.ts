import { optionError, rejectUnknownKeys } from '../core/index.js';
import { STREAM_VIEW_TYPES, type KeyAttribute, type ScalarType, type TableParameters, type TableSpec } from './tableSpec.js';

const SCALAR_TYPES: readonly ScalarType[] = ['S', 'N', 'B'];
const TABLE_KEYS = ['tableName', 'partitionKey', 'sortKey', 'streamViewType', 'ttlAttribute', 'region', 'accountId'];
// DynamoDB's own table-name rule, so an ARN built from it is one AWS could produce.
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT_ID = /^\d{12}$/;

/** Validates the user's table description and applies defaults. */
export function resolveTableSpec(params: TableParameters, path = 'table'): TableSpec {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw optionError(path, 'must be an object with at least a partitionKey', params);
  }
  rejectUnknownKeys(path, params, TABLE_KEYS);
  const partitionKey = resolveKey(params.partitionKey, `${path}.partitionKey`);
  const sortKey = params.sortKey === undefined ? undefined : resolveKey(params.sortKey, `${path}.sortKey`);
  if (sortKey !== undefined && sortKey.name === partitionKey.name) {
    throw optionError(`${path}.sortKey.name`, `must differ from the partition key name ${JSON.stringify(partitionKey.name)}`, sortKey.name);
  }
  const streamViewType = params.streamViewType ?? 'NEW_AND_OLD_IMAGES';
  if (!STREAM_VIEW_TYPES.includes(streamViewType)) {
    throw optionError(`${path}.streamViewType`, `must be one of ${STREAM_VIEW_TYPES.join(', ')}`, streamViewType);
  }
  const ttlAttribute = params.ttlAttribute;
  if (ttlAttribute !== undefined && (typeof ttlAttribute !== 'string' || ttlAttribute === '')) {
    throw optionError(`${path}.ttlAttribute`, 'must be a non-empty attribute name', ttlAttribute);
  }
  return Object.freeze({
    tableName: matching(params.tableName ?? 'shardcheck-table', TABLE_NAME, `${path}.tableName`, 'must be 3..255 characters of A-Z a-z 0-9 _ . -'),
    partitionKey,
    sortKey,
    streamViewType,
    ttlAttribute,
    region: matching(params.region ?? 'us-east-1', REGION, `${path}.region`, 'must be an AWS region name such as us-east-1'),
    accountId: matching(params.accountId ?? '123456789012', ACCOUNT_ID, `${path}.accountId`, 'must be a 12-digit AWS account id'),
  });
}

function resolveKey(value: string | KeyAttribute | undefined, path: string): KeyAttribute {
  if (typeof value === 'string') return Object.freeze({ name: nonEmptyName(value, path), type: 'S' });
  if (typeof value !== 'object' || value === null) {
    throw optionError(path, 'must be an attribute name or { name, type }', value);
  }
  rejectUnknownKeys(path, value, ['name', 'type']);
  const name = nonEmptyName(value.name, `${path}.name`);
  if (!SCALAR_TYPES.includes(value.type)) {
    throw optionError(`${path}.type`, 'must be S, N or B (key attributes are scalars)', value.type);
  }
  return Object.freeze({ name, type: value.type });
}

function nonEmptyName(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw optionError(path, 'must be a non-empty attribute name', value);
  return value;
}

function matching(value: unknown, pattern: RegExp, path: string, rule: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw optionError(path, rule, value);
  return value;
}
