import type { InjectedError } from './invocationContext.js';

const SDK_ERRORS = {
  throttle: {
    name: 'ProvisionedThroughputExceededException',
    message: 'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
    fault: 'client',
    status: 400,
    retryable: { throttling: true },
  },
  timeout: { name: 'TimeoutError', message: 'socket hang up: the request timed out before a response arrived', fault: 'client', status: undefined, retryable: {} },
  internal: { name: 'InternalServerError', message: 'Internal server error', fault: 'server', status: 500, retryable: {} },
} as const;

const PLAIN_NAMES = { throttle: 'ThrottlingError', timeout: 'TimeoutError', internal: 'InternalError' } as const;

/** AWS SDK v2 reports `code`, `statusCode` and `retryable` on a plain Error (`AWSError`). */
const V2_TIMEOUT_MESSAGE = 'Connection timed out after 120000ms';

/** Which kind of downstream raises the error: a plain dependency, an AWS SDK v3 or v2 call. */
export type ErrorShape = 'plain' | 'sdk-v3' | 'sdk-v2';

/**
 * The error a faulted dependency call raises. AWS SDK calls get errors shaped like the SDK's (v3:
 * `name`, `$fault`, `$metadata`, `$retryable`; v2: `code`, `statusCode`, `retryable`,
 * `requestId`) so handlers' error classification is exercised.
 */
export function injectedError(error: InjectedError, path: string, from: ErrorShape): Error {
  if (from === 'sdk-v2') {
    const { name, message, status } = SDK_ERRORS[error.kind];
    return Object.assign(new Error(error.kind === 'timeout' ? V2_TIMEOUT_MESSAGE : message), {
      name,
      code: name,
      ...(status === undefined ? {} : { statusCode: status }),
      retryable: true,
      requestId: error.requestId,
    });
  }
  if (from === 'plain') {
    const plain = new Error(`shardcheck injected a ${error.kind} failure into ${path}`);
    plain.name = PLAIN_NAMES[error.kind];
    return plain;
  }
  const shape = SDK_ERRORS[error.kind];
  return Object.assign(new Error(shape.message), {
    name: shape.name,
    $fault: shape.fault,
    $metadata: {
      ...(shape.status === undefined ? {} : { httpStatusCode: shape.status }),
      requestId: error.requestId,
      attempts: 1,
      totalRetryDelay: 0,
    },
    ...(error.kind === 'internal' ? {} : { $retryable: shape.retryable }),
  });
}
