import type { Context } from 'aws-lambda';
import type { FunctionConfig } from '../scenario/functionConfig.js';

/** How the handler ends its invocation through the context (the Node.js runtime's callback context). */
export interface ContextCompletion {
  /** `context.callbackWaitsForEmptyEventLoop`. */
  waits: boolean;
  readonly done: (error?: unknown, result?: unknown) => void;
  readonly succeed: (result?: unknown) => void;
  readonly fail: (error?: unknown) => void;
}

/** Builds one invocation's context around the runtime's completion members. */
export type ContextFactory = (completion: ContextCompletion) => Context;

const COMPLETION = Symbol('completion');

/**
 * A complete Lambda context whose clock is the simulator's virtual time. A class, so that the
 * `callbackWaitsForEmptyEventLoop` accessor lives on the prototype: an accessor defined on each
 * instance would give every invocation's context its own hidden class.
 */
class SimulatedContext implements Context {
  readonly functionVersion = '$LATEST';
  readonly functionName: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly awsRequestId: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly getRemainingTimeInMillis: () => number;
  readonly done: Context['done'];
  readonly fail: Context['fail'];
  readonly succeed: Context['succeed'];
  /** Symbol-keyed (not a #private field, which some compilers lower to a WeakMap entry per context). */
  readonly [COMPLETION]: ContextCompletion;

  constructor(fn: FunctionConfig, requestId: string, envTag: string, remainingMs: () => number, completion: ContextCompletion) {
    this.functionName = fn.functionName;
    this.invokedFunctionArn = fn.functionArn;
    this.memoryLimitInMB = String(fn.memorySize);
    this.awsRequestId = requestId;
    this.logGroupName = `/aws/lambda/${fn.functionName}`;
    this.logStreamName = `2026/01/01/[$LATEST]${envTag}`;
    this.getRemainingTimeInMillis = () => Math.max(0, remainingMs());
    this.done = completion.done;
    this.fail = completion.fail;
    this.succeed = completion.succeed;
    this[COMPLETION] = completion;
  }

  get callbackWaitsForEmptyEventLoop(): boolean {
    return this[COMPLETION].waits;
  }

  set callbackWaitsForEmptyEventLoop(value: boolean) {
    this[COMPLETION].waits = value;
  }
}

/** The context factory of one invocation. */
export function lambdaContext(fn: FunctionConfig, requestId: string, envTag: string, remainingMs: () => number): ContextFactory {
  return (completion) => new SimulatedContext(fn, requestId, envTag, remainingMs, completion);
}
