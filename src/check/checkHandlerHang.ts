import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { findingAnomalies } from './findingAnomalies.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * Harness: the handler or its cold start did not settle within the real-time guard (a hang: the
 * invocation times out and its environment is recycled). One anomaly per `finding` the simulator
 * recorded, with its invocation.
 */
export function checkHandlerHang(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  return findingAnomalies('handler-hang', ['handler-hung'], trace, facts);
}
