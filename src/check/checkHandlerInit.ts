import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { findingAnomalies } from './findingAnomalies.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * Harness: the cold start (`createHandler`, module initialisation) threw or rejected, so the
 * invocation failed before the handler ran. One anomaly per `finding` the simulator recorded, with
 * its invocation.
 */
export function checkHandlerInit(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  return findingAnomalies('handler-init', ['init-failed'], trace, facts);
}
