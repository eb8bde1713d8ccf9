import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { findingAnomalies } from './findingAnomalies.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * Harness: the handler returned a response that JSON cannot serialise (Runtime.MarshalError: the
 * invocation fails). One anomaly per `finding` the simulator recorded, with its invocation.
 */
export function checkUnserializableResponse(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  return findingAnomalies('unserializable-response', ['response-not-serializable'], trace, facts);
}
