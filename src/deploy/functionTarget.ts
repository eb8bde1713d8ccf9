import { deploymentError, Unresolvable } from './deploymentError.js';
import { intrinsicOf, splitGetAtt, type Intrinsics } from './Intrinsics.js';
import type { PropertyBag } from './PropertyBag.js';
import { physicalName } from './resourceAttribute.js';

const FUNCTION_TYPES = ['AWS::Lambda::Function', 'AWS::Serverless::Function'];

/**
 * The function resource an `EventSourceMapping`'s `FunctionName` targets: `Ref`/`Fn::GetAtt .Arn`
 * of a function, through an `AWS::Lambda::Alias` or `Version`, or a literal name or ARN matched
 * to the file's functions by name. Undefined when the function lives elsewhere.
 */
export function functionTarget(bag: PropertyBag, key: string): string | undefined {
  const raw = bag.intrinsics.expand(bag.written(key));
  if (raw === undefined) throw bag.error(key, 'is required: the function the mapping invokes', undefined);
  try {
    return follow(bag.intrinsics, raw, 0) ?? byName(bag.intrinsics, bag.resolve(key, raw));
  } catch (error) {
    if (error instanceof Unresolvable) throw deploymentError(bag.file, bag.path(key), `cannot be resolved: ${error.reason}`, raw);
    throw error;
  }
}

function follow(intrinsics: Intrinsics, raw: unknown, depth: number): string | undefined {
  const intrinsic = intrinsicOf(raw);
  let id: string | undefined;
  if (intrinsic?.[0] === 'Ref' && typeof intrinsic[1] === 'string') id = intrinsic[1];
  if (intrinsic?.[0] === 'Fn::GetAtt') id = splitGetAtt(intrinsic[1])[0];
  const resource = id === undefined ? undefined : intrinsics.resource(id);
  if (resource === undefined || depth > 4) return undefined;
  if (FUNCTION_TYPES.includes(resource.Type)) return id;
  if (resource.Type === 'AWS::Lambda::Alias' || resource.Type === 'AWS::Lambda::Version') return follow(intrinsics, resource.Properties?.FunctionName, depth + 1);
  return undefined;
}

function byName(intrinsics: Intrinsics, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // A name, a function ARN, or a qualified ARN / partial ARN (`name:alias`).
  const name = /:function:([^:]+)/.exec(value)?.[1] ?? value.split(':')[0];
  for (const id of intrinsics.resourceIds()) {
    if (!FUNCTION_TYPES.includes(intrinsics.resource(id)!.Type)) continue;
    try {
      if (physicalName(intrinsics, id).name === name) return id;
    } catch (error) {
      if (!(error instanceof Unresolvable)) throw error;
    }
  }
  return undefined;
}
