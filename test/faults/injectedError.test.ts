import { describe, expect, it } from 'vitest';
import { injectedError } from '../../src/faults/injectedError.js';

const REQUEST_ID = '11111111-2222-4333-8444-555555555555';
const sdk = (kind: 'throttle' | 'timeout' | 'internal') => injectedError({ kind, requestId: REQUEST_ID }, 'ddb.send(PutCommand)', 'sdk-v3') as Error & Record<string, unknown>;
const plain = (kind: 'throttle' | 'timeout' | 'internal') => injectedError({ kind, requestId: REQUEST_ID }, 'store.put', 'plain') as Error & Record<string, unknown>;

describe('injectedError', () => {
  describe('plain dependencies: an Error named after the kind, naming the call', () => {
    it.each([
      ['throttle', 'ThrottlingError'],
      ['timeout', 'TimeoutError'],
      ['internal', 'InternalError'],
    ] as const)('%s → %s', (kind, name) => {
      const error = plain(kind);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(name);
      expect(error.message).toBe(`shardcheck injected a ${kind} failure into store.put`);
      // no SDK fields on plain errors
      expect(Object.keys(error).filter((k) => k.startsWith('$'))).toEqual([]);
      expect(error['$metadata']).toBeUndefined();
      expect(error['$fault']).toBeUndefined();
      expect(error['$retryable']).toBeUndefined();
    });
  });

  describe('AWS SDK v3 calls: errors shaped like the SDK service exceptions', () => {
    it('throttle → ProvisionedThroughputExceededException, client fault, 400, retryable throttling', () => {
      const error = sdk('throttle');
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('ProvisionedThroughputExceededException');
      expect(error.message).toBe(
        'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
      );
      expect(error['$fault']).toBe('client');
      expect(error['$metadata']).toEqual({ httpStatusCode: 400, requestId: REQUEST_ID, attempts: 1, totalRetryDelay: 0 });
      expect(error['$retryable']).toEqual({ throttling: true });
    });

    it('timeout → TimeoutError without an HTTP status (no response arrived)', () => {
      const error = sdk('timeout');
      expect(error.name).toBe('TimeoutError');
      expect(error.message).toBe('socket hang up: the request timed out before a response arrived');
      expect(error['$fault']).toBe('client');
      expect(error['$metadata']).toEqual({ requestId: REQUEST_ID, attempts: 1, totalRetryDelay: 0 });
      expect('httpStatusCode' in (error['$metadata'] as object)).toBe(false);
      expect(error['$retryable']).toEqual({});
    });

    it('internal → InternalServerError, server fault, 500, no $retryable', () => {
      const error = sdk('internal');
      expect(error.name).toBe('InternalServerError');
      expect(error.message).toBe('Internal server error');
      expect(error['$fault']).toBe('server');
      expect(error['$metadata']).toEqual({ httpStatusCode: 500, requestId: REQUEST_ID, attempts: 1, totalRetryDelay: 0 });
      expect('$retryable' in error).toBe(false);
    });

    it('the request id is the one the simulation chose', () => {
      const error = injectedError({ kind: 'throttle', requestId: 'abc' }, 'x.send(command)', 'sdk-v3') as Error & { $metadata: { requestId: string } };
      expect(error.$metadata.requestId).toBe('abc');
    });

    it('each call gets a fresh error object', () => {
      expect(sdk('throttle')).not.toBe(sdk('throttle'));
      const a = sdk('throttle');
      const b = sdk('throttle');
      expect(a['$metadata']).not.toBe(b['$metadata']);
    });
  });
});
