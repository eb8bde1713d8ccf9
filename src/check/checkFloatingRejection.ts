import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { findingAnomalies } from './findingAnomalies.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * Harness: a promise the handler left floating rejected unhandled, or an exception escaped from a
 * timer or event emitter (the runtime dies and the batch is retried). One anomaly per `finding` the
 * simulator recorded, with its invocation.
 */
export function checkFloatingRejection(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  return findingAnomalies('floating-rejection', ['floating-rejection', 'uncaught-exception'], trace, facts);
}
