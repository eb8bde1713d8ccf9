/** The invariant checker: reads only a trace and the model of its scenario (so a stored trace stays checkable). */
export type { Anomaly, AnomalyKind, InvariantName, Verdict } from './anomaly.js';
export { INVARIANTS, invariantInfo, type InvariantInfo } from './invariants.js';
export { check, type CheckOptions } from './check.js';
export { MAX_WITNESSES } from './anomalyOf.js';
export { traceFacts, type TraceFacts } from './traceFacts.js';
export type { TraceColumns } from './traceColumns.js';
export { checkBatchLimits, MAX_PAYLOAD_BYTES, EVENT_OVERHEAD_BYTES } from './checkBatchLimits.js';
export { checkFirstDeliveryOrder } from './checkFirstDeliveryOrder.js';
export { checkCheckpointMonotonic } from './checkCheckpointMonotonic.js';
export { checkNoSkip } from './checkNoSkip.js';
export { checkResumeFromCheckpoint } from './checkResumeFromCheckpoint.js';
export { checkParentBeforeChild } from './checkParentBeforeChild.js';
export { checkRetryBound } from './checkRetryBound.js';
export { checkAgeBound } from './checkAgeBound.js';
export { checkDestinationPayload } from './checkDestinationPayload.js';
export { checkAtLeastOnce } from './checkAtLeastOnce.js';
export { checkProgressAfterFaults } from './checkProgressAfterFaults.js';
export { checkHandlerBehaviour } from './checkHandlerBehaviour.js';
