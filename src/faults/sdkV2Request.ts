import type { DependencyDecision, InvocationContext } from './invocationContext.js';

/** A Node-style callback `(error, data)`, as AWS SDK calls take last. */
export type NodeCallback = (error: unknown, data?: unknown) => void;

/** The part of an AWS SDK v2 `AWS.Request` a handler uses: nothing is sent until `promise()` or `send()`. */
export interface V2Request {
  promise(): Promise<unknown>;
  send(callback?: NodeCallback): unknown;
}

/**
 * An AWS SDK v2 client: a service object (`new AWS.DynamoDB()`: `makeRequest`, `config`, `api`)
 * or a `DocumentClient` (`makeServiceRequest`). Their operations return an unsent `AWS.Request`.
 */
export function isSdkV2Client(value: object): boolean {
  const v = value as { makeRequest?: unknown; makeServiceRequest?: unknown };
  return (typeof v.makeRequest === 'function' && 'config' in value && 'api' in value) || typeof v.makeServiceRequest === 'function';
}

export function isV2Request(value: unknown): value is V2Request {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { promise?: unknown; send?: unknown; then?: unknown };
  return typeof v.promise === 'function' && typeof v.send === 'function' && typeof v.then !== 'function';
}

/**
 * The request a handler gets back for a v2 call the simulation decided: the decision takes effect
 * when the request is sent (`promise()` or `send(callback)`), as a rejected promise or an error
 * passed to the callback, never a synchronous throw, because the real SDK reports every failure
 * that way. A crash applies the request at once (the runtime dies with it in flight). Methods
 * that return the request itself (`on`, `eachPage` chains) return this stand-in, so a chained
 * `.promise()` is still decided. Sent requests are tracked as the invocation's pending work.
 */
export function decidedRequest(request: V2Request, decision: DependencyDecision, error: () => Error, context: InvocationContext): V2Request {
  const outcome = outcomeOf(request, decision, error);
  let sent: Promise<unknown> | undefined;
  const send = (): Promise<unknown> => {
    if (sent === undefined) {
      sent = outcome();
      if (decision.action !== 'crashAfter' && decision.action !== 'dead') context.track(sent);
    }
    return sent;
  };
  const stand: V2Request = new Proxy(request, {
    get(target, prop) {
      if (prop === 'promise') return () => send();
      if (prop === 'send') return (callback?: NodeCallback) => void deliver(send(), callback);
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = Reflect.apply(value as (...a: unknown[]) => unknown, target, args);
        return result === target ? stand : result;
      };
    },
  });
  return stand;
}

function outcomeOf(request: V2Request, decision: DependencyDecision, error: () => Error): () => Promise<unknown> {
  switch (decision.action) {
    case 'call':
      return () => request.promise();
    case 'reject':
      return () => Promise.reject(error());
    case 'applyThenReject':
      return () => request.promise().then(() => Promise.reject(error()));
    case 'defer':
      return () => decision.released.then(() => request.promise());
    case 'crashAfter': {
      request.promise().catch(() => undefined); // sent as the runtime died; nobody sees the reply
      return () => new Promise(() => {});
    }
    case 'dead':
      return () => new Promise(() => {});
  }
}

/**
 * Hands a settled call to a Node-style callback on a later tick, as the SDK does, so an exception
 * the callback throws is an uncaught exception of the invocation, not a rejection.
 */
export function deliver(result: Promise<unknown>, callback: NodeCallback | undefined): void {
  if (callback === undefined) {
    result.catch(() => undefined);
    return;
  }
  result.then(
    (data) => process.nextTick(callback, null, data),
    (error: unknown) => process.nextTick(callback, error),
  );
}
