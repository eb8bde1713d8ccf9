import { deepFreeze, optionError, readInteger, readObject, rejectUnknownOptions } from '../core/index.js';
import type { FunctionConfig, FunctionParameters, LambdaRuntime } from './functionConfig.js';

const KNOWN: readonly (keyof FunctionParameters)[] = ['functionName', 'timeout', 'memorySize', 'runtime'];
const RUNTIMES: readonly LambdaRuntime[] = ['nodejs20.x', 'nodejs22.x', 'nodejs24.x'];
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Where the function lives; a `TableSpec` fits, since the function shares the table's account. */
export interface AwsLocation {
  readonly region: string;
  readonly accountId: string;
}

/** Validates the simulated function's settings and derives its ARN (used in OnFailure payloads, R41). */
export function resolveFunctionConfig(
  params: FunctionParameters | undefined,
  location: AwsLocation,
  path = 'function',
): FunctionConfig {
  const p = readObject(path, params ?? {});
  rejectUnknownOptions(path, p, KNOWN);
  const functionName = p.functionName === undefined ? 'shardcheck-handler' : p.functionName;
  if (typeof functionName !== 'string' || !FUNCTION_NAME.test(functionName)) {
    throw optionError(`${path}.functionName`, 'must be 1..64 characters of A-Z, a-z, 0-9, - and _', functionName);
  }
  const runtime = p.runtime === undefined ? 'nodejs22.x' : p.runtime;
  if (!RUNTIMES.includes(runtime as LambdaRuntime)) throw optionError(`${path}.runtime`, `must be one of ${RUNTIMES.join(', ')}`, runtime);
  return deepFreeze({
    functionName,
    timeout:
      p.timeout === undefined
        ? 3
        : readInteger(`${path}.timeout`, p.timeout, 1, 900, 'must be an integer number of seconds in 1..900'),
    memorySize:
      p.memorySize === undefined
        ? 128
        : readInteger(`${path}.memorySize`, p.memorySize, 128, 10240, 'must be an integer number of MB in 128..10240'),
    runtime: runtime as LambdaRuntime,
    functionArn: `arn:aws:lambda:${location.region}:${location.accountId}:function:${functionName}`,
  });
}
