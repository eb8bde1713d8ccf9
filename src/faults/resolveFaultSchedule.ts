import { deepFreeze, readArray, readObject, rejectUnknownOptions } from '../core/index.js';
import type { FaultSchedule } from './faultSchedule.js';
import { resolveDependencyFault } from './resolveDependencyFault.js';
import { resolveInvocationFault } from './resolveInvocationFault.js';
import { resolveTimedFault } from './resolveTimedFault.js';

const KNOWN: readonly (keyof FaultSchedule)[] = ['invocations', 'timed', 'dependencies'];

/** Validates a hand-written or stored fault schedule; missing lists are empty. */
export function resolveFaultSchedule(params: Partial<FaultSchedule> | undefined, path = 'faults'): FaultSchedule {
  const p = readObject(path, params ?? {});
  rejectUnknownOptions(path, p, KNOWN);
  const invocations = p.invocations === undefined ? [] : readArray(`${path}.invocations`, p.invocations);
  const timed = p.timed === undefined ? [] : readArray(`${path}.timed`, p.timed);
  const dependencies = p.dependencies === undefined ? [] : readArray(`${path}.dependencies`, p.dependencies);
  return deepFreeze({
    invocations: invocations.map((fault, i) => resolveInvocationFault(fault, `${path}.invocations[${i}]`)),
    timed: timed.map((fault, i) => resolveTimedFault(fault, `${path}.timed[${i}]`)),
    dependencies: dependencies.map((fault, i) => resolveDependencyFault(fault, `${path}.dependencies[${i}]`)),
  });
}
