import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { findingAnomalies } from './findingAnomalies.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * Harness: the handler threw, rejected with or passed to its callback a value that is not an Error
 * (no error type or stack reaches the logs). One anomaly per `finding` the simulator recorded, with
 * its invocation.
 */
export function checkNonErrorThrow(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  return findingAnomalies('non-error-throw', ['non-error-thrown'], trace, facts);
}
