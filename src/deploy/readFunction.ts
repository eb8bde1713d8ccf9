import type { FunctionParameters } from '../scenario/index.js';
import type { Intrinsics } from './Intrinsics.js';
import { integerAt } from './mappingValues.js';
import { nameOrFallback } from './nameOrFallback.js';
import { PropertyBag } from './PropertyBag.js';

/**
 * The settings of an `AWS::Lambda::Function` or `AWS::Serverless::Function` (SAM `Globals.Function`
 * under the function's own properties) that shardcheck simulates: name, timeout and memory, with
 * Lambda's defaults (3 s, 128 MB).
 */
export function readFunction(intrinsics: Intrinsics, file: string, logicalId: string, globals: unknown, warnings: string[]): FunctionParameters {
  const resource = intrinsics.resource(logicalId);
  const inherited = resource?.Type === 'AWS::Serverless::Function' && typeof globals === 'object' && globals !== null ? (globals as Record<string, unknown>) : {};
  const own = resource?.Properties ?? {};
  const properties = { ...pick(inherited, ['Timeout', 'MemorySize']), ...own };
  const bag = new PropertyBag(file, logicalId, properties, intrinsics);
  const where = (key: string): string => (key in own ? '' : ' (from Globals.Function)');
  const timeout = integerAt(bag, 'Timeout', 1, 900, `must be an integer number of seconds in 1..900${where('Timeout')}`);
  const memorySize = integerAt(bag, 'MemorySize', 128, 10_240, `must be an integer number of MB in 128..10240${where('MemorySize')}`);
  return {
    functionName: nameOrFallback(intrinsics, file, logicalId, 'FunctionName', warnings),
    timeout: timeout ?? 3,
    memorySize: memorySize ?? 128,
  };
}

function pick(from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in from).map((k) => [k, from[k]]));
}
