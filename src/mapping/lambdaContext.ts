import type { Context } from 'aws-lambda';
import type { FunctionConfig } from '../scenario/functionConfig.js';

/** How the handler ends its invocation through the context (the Node.js runtime's callback context). */
export interface ContextCompletion {
  readonly done: (error?: unknown, result?: unknown) => void;
  readonly succeed: (result?: unknown) => void;
  readonly fail: (error?: unknown) => void;
}

/** Builds one invocation's context around the runtime's completion members. */
export type ContextFactory = (completion: ContextCompletion) => Context;

/**
 * The context factory of one invocation: a complete Lambda context whose clock is the
 * simulator's virtual time. `callbackWaitsForEmptyEventLoop` is a plain data property (true), read
 * by the runtime when the callback is called; a per-invocation accessor would cost every
 * invocation measurably more.
 */
export function lambdaContext(fn: FunctionConfig, requestId: string, envTag: string, remainingMs: () => number): ContextFactory {
  return (completion) => ({
    callbackWaitsForEmptyEventLoop: true,
    functionName: fn.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: fn.functionArn,
    memoryLimitInMB: String(fn.memorySize),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${fn.functionName}`,
    logStreamName: `2026/01/01/[$LATEST]${envTag}`,
    getRemainingTimeInMillis: () => Math.max(0, remainingMs()),
    done: completion.done,
    fail: completion.fail,
    succeed: completion.succeed,
  });
}
