export {
  type InvocationMatch,
  type InvocationFaultKind,
  type InvocationFault,
  type TimedFault,
  type FaultSchedule,
  type DependencyFault,
  type DependencyFaultKind,
  type DependencyErrorKind,
  type DependencyMatch,
  NO_FAULTS,
} from './faultSchedule.js';
export { resolveFaultSchedule } from './resolveFaultSchedule.js';
export { resolveInvocationFault } from './resolveInvocationFault.js';
export { resolveTimedFault } from './resolveTimedFault.js';
export { resolveDependencyFault } from './resolveDependencyFault.js';
export { wrapDeps, type WrapDepsOptions } from './wrapDeps.js';
export { attachFaults, type DetachFaults } from './attachFaults.js';
export { FaultPlan } from './FaultPlan.js';
