import { isoAt } from '../core/index.js';
import type { TableSpec } from '../table/tableSpec.js';

/** `arn:aws:dynamodb:…:table/<name>/stream/<label>`; the label is the creation instant without `Z`, as AWS writes it. */
export function streamArn(table: TableSpec, startEpochMs: number): string {
  const label = isoAt(startEpochMs, 0).replace(/Z$/, '');
  return `arn:aws:dynamodb:${table.region}:${table.accountId}:table/${table.tableName}/stream/${label}`;
}
