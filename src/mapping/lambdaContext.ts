import type { Context } from 'aws-lambda';
import type { FunctionConfig } from '../scenario/functionConfig.js';

/** A complete Lambda context whose clock is the simulator's virtual time. */
export function lambdaContext(fn: FunctionConfig, requestId: string, envTag: string, remainingMs: () => number): Context {
  const unsupported = (name: string) => () => {
    throw new Error(`context.${name}() is not supported: return or throw from the async handler instead`);
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: fn.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: fn.functionArn,
    memoryLimitInMB: String(fn.memorySize),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${fn.functionName}`,
    logStreamName: `2026/01/01/[$LATEST]${envTag}`,
    getRemainingTimeInMillis: () => Math.max(0, remainingMs()),
    done: unsupported('done'),
    fail: unsupported('fail'),
    succeed: unsupported('succeed'),
  };
}
