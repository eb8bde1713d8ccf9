import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Advisory, AdvisoryName, Anomaly, AnomalyKind, InvariantName, Verdict } from './anomaly.js';
import { checkAgeBound } from './checkAgeBound.js';
import { checkAtLeastOnce } from './checkAtLeastOnce.js';
import { checkBatchLimits } from './checkBatchLimits.js';
import { checkCheckpointMonotonic } from './checkCheckpointMonotonic.js';
import { checkDestinationPayload } from './checkDestinationPayload.js';
import { checkFirstDeliveryOrder } from './checkFirstDeliveryOrder.js';
import { checkEventMutation } from './checkEventMutation.js';
import { checkFloatingRejection } from './checkFloatingRejection.js';
import { checkHandlerHang } from './checkHandlerHang.js';
import { checkHandlerInit } from './checkHandlerInit.js';
import { checkItemIdentifier } from './checkItemIdentifier.js';
import { checkNonErrorThrow } from './checkNonErrorThrow.js';
import { checkNoSkip } from './checkNoSkip.js';
import { checkParentBeforeChild } from './checkParentBeforeChild.js';
import { checkProgressAfterFaults } from './checkProgressAfterFaults.js';
import { checkResumeFromCheckpoint } from './checkResumeFromCheckpoint.js';
import { checkRetryBound } from './checkRetryBound.js';
import { checkUnserializableResponse } from './checkUnserializableResponse.js';
import { INVARIANTS, retiredInvariantMessage } from './invariants.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

export interface CheckOptions {
  /** Invariants to skip, each with the reason (required, non-empty), which the verdict keeps. */
  readonly disable?: Partial<Record<InvariantName, string>>;
}

type Checker = (trace: Trace, model: Model, facts: TraceFacts) => Anomaly[];
type Advisor = (trace: Trace, model: Model, facts: TraceFacts) => Advisory[];

const ADVISORS: Readonly<Record<AdvisoryName, Advisor>> = {
  'event-mutation': checkEventMutation,
};

const CHECKERS: Readonly<Record<Exclude<InvariantName, AdvisoryName>, Checker>> = {
  'batch-limits': checkBatchLimits,
  'first-delivery-order': checkFirstDeliveryOrder,
  'checkpoint-monotonic': checkCheckpointMonotonic,
  'no-skip': checkNoSkip,
  'resume-from-checkpoint': checkResumeFromCheckpoint,
  'parent-before-child': checkParentBeforeChild,
  'retry-bound': checkRetryBound,
  'age-bound': checkAgeBound,
  'destination-payload': checkDestinationPayload,
  'at-least-once': checkAtLeastOnce,
  'progress-after-faults': checkProgressAfterFaults,
  'handler-hang': checkHandlerHang,
  'handler-init': checkHandlerInit,
  'non-error-throw': checkNonErrorThrow,
  'floating-rejection': checkFloatingRejection,
  'unserializable-response': checkUnserializableResponse,
  'item-identifier': checkItemIdentifier,
};

const SEVERITY: readonly AnomalyKind[] = ['correctness', 'liveness', 'harness'];

/**
 * Takes a trace and the model of its scenario and runs every check not disabled; returns the
 * verdict: valid when no anomaly was found, otherwise the most severe kind present and all
 * anomalies, in `INVARIANTS` order. Advisories (checks of kind `advisory`) are listed apart and
 * never make a verdict invalid. Throws when an option is invalid or the model does not describe
 * the trace.
 */
export function check(trace: Trace, model: Model, options: CheckOptions = {}): Verdict {
  const disabled = readDisable(options.disable);
  const facts = traceFacts(trace, model);
  const anomalies: Anomaly[] = [];
  const advisories: Advisory[] = [];
  for (const { name } of INVARIANTS) {
    if (disabled.has(name)) continue;
    if (isAdvisory(name)) advisories.push(...ADVISORS[name](trace, model, facts));
    else anomalies.push(...CHECKERS[name](trace, model, facts));
  }
  const kind = SEVERITY.find((k) => anomalies.some((a) => a.kind === k)) ?? null;
  return {
    valid: anomalies.length === 0,
    kind,
    anomalies,
    ...(disabled.size === 0 ? {} : { disabled: [...disabled].map(([invariant, reason]) => ({ invariant, reason })) }),
    ...(advisories.length === 0 ? {} : { advisories }),
  };
}

function isAdvisory(name: InvariantName): name is AdvisoryName {
  return Object.hasOwn(ADVISORS, name);
}

function readDisable(disable: CheckOptions['disable']): Map<InvariantName, string> {
  const out = new Map<InvariantName, string>();
  if (disable === undefined) return out;
  if (disable === null || typeof disable !== 'object') throw new Error(`check: options.disable must be an object of reasons (got ${JSON.stringify(disable)})`);
  for (const [name, reason] of Object.entries(disable)) {
    const retired = retiredInvariantMessage('check: options.disable', name);
    if (retired !== undefined) throw new Error(retired);
    if (!Object.hasOwn(CHECKERS, name) && !Object.hasOwn(ADVISORS, name)) throw new Error(`check: options.disable names an unknown invariant (got ${JSON.stringify(name)})`);
    if (typeof reason !== 'string' || reason.trim() === '') throw new Error(`check: options.disable.${name} needs a non-empty reason (got ${JSON.stringify(reason)})`);
    out.set(name as InvariantName, reason);
  }
  return out;
}
