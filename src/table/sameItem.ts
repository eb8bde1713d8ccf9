import type { AttributeValue } from 'aws-lambda';
import type { SdkItem } from './sdkItem.js';
import { toLambdaAttributes } from './toLambdaAttributes.js';

/**
 * Whether two stored items hold the same data (R4). Attribute order never matters and sets are
 * unordered in DynamoDB, so both are normalised before comparing.
 */
export function sameItem(a: SdkItem, b: SdkItem): boolean {
  return normalText(toLambdaAttributes(a)) === normalText(toLambdaAttributes(b));
}

function normalText(map: Record<string, AttributeValue>): string {
  const names = Object.keys(map).sort();
  return `{${names.map((name) => `${JSON.stringify(name)}:${valueText(map[name] as AttributeValue)}`).join(',')}}`;
}

function valueText(value: AttributeValue): string {
  if (value.SS !== undefined) return `SS${JSON.stringify([...value.SS].sort())}`;
  if (value.NS !== undefined) return `NS${JSON.stringify([...value.NS].sort())}`;
  if (value.BS !== undefined) return `BS${JSON.stringify([...value.BS].sort())}`;
  if (value.L !== undefined) return `L[${value.L.map(valueText).join(',')}]`;
  if (value.M !== undefined) return `M${normalText(value.M)}`;
  return JSON.stringify(value);
}
