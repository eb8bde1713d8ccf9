import { ShardcheckError } from '../../src/core/index.js';

/** The message of the ShardcheckError `run` throws; fails the test if it throws anything else or nothing. */
export function errorMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ShardcheckError) return error.message;
    throw error;
  }
  throw new Error('expected a ShardcheckError, but nothing was thrown');
}
