import { HOUR, MINUTE, SECOND, type Millis } from '../../core/index.js';
import type { DependencyErrorKind, DependencyFault, FaultSchedule, InvocationFault, InvocationMatch, TimedFault } from '../../faults/index.js';
import type { MappingConfig, Timing } from '../../scenario/index.js';
import { STREAM_RETENTION_MS } from '../../scenario/index.js';
import { DEPENDENCY_KINDS, INVOCATION_KINDS, TIMED_KINDS, type DependencyIntent, type FaultKind, type InvocationIntent, type RawFaults, type TimedIntent } from './faultIntents.js';
import { TIME_UNITS } from './topologyIntents.js';

/** What a fault schedule is fitted to: the phase, the stream, the mapping and the clock. */
export interface FaultContext {
  /** The fault phase [from, to): every fault fires inside it; after it everything heals. */
  readonly phaseFrom: Millis;
  readonly phaseTo: Millis;
  /** Shard ordinals that exist (initial shards and children). */
  readonly shards: number;
  /** Records the stream will hold, to aim record matches at real ones. */
  readonly records: number;
  /** Longest parent chain of the topology. */
  readonly depth: number;
  readonly mapping: MappingConfig;
  readonly functionTimeoutMs: Millis;
  readonly timing: Timing;
  readonly survivable: boolean;
  /**
   * The caller raises the mapping's record-age limit to `requiredAgeMs` (a generated limit)
   * rather than fitting the faults under it (a limit the user fixed).
   */
  readonly ageAdjustable: boolean;
}

export interface FittedFaults {
  readonly schedule: FaultSchedule;
  /**
   * A record-age limit no record can reach because of these faults: the worst-case delay they
   * add, plus batching windows, lineage and polling (survivable schedules only).
   */
  readonly requiredAgeMs: Millis;
  /** Faults, counting a disable with its re-enable as one. */
  readonly count: number;
}

/** The longest an invocation fault without a firing limit keeps firing. */
const MAX_OUTAGE_WINDOW_MS = 5 * MINUTE;
/** The longest a disable lasts. */
export const MAX_DISABLE_MS = 5 * MINUTE;
/** Longer than retention (24 h, R6). */
const LONG_OUTAGE_MS = 25 * HOUR;
/** AWS's longest batching window (R20). */
const MAX_WINDOW_MS = 300 * SECOND;
/** Retention (24 h, R6) minus a margin: survivable delays stay well inside it. */
const RETENTION_BUDGET_MS = STREAM_RETENTION_MS - HOUR;
const SAFETY_MS = 5 * SECOND;
const ERROR_LIKE: ReadonlySet<FaultKind> = new Set(['error', 'crash', 'timeout', 'reject', 'applyThenReject']);
const DEPENDENCY_ERRORS: readonly DependencyErrorKind[] = ['throttle', 'timeout', 'internal'];
/** A flaky dependency picks each call with one of these probabilities. */
const FLAKY_PROBABILITIES: readonly number[] = [0.5, 0.25, 0.125];

/**
 * Turns raw fault draws into a schedule for one scenario. Every fault fires inside the phase and
 * a disable always has its enable, so the run heals. With `survivable`, only faults a correct
 * handler survives without losing records are kept (see `faultSchedule` for the guarantee each
 * kind tests):
 *
 * - retry limit m ≥ 0: injected function failures of one record set never reach its last attempt.
 *   Invocation errors, crashes and timeouts match `attempt ≤ m` (with m = 0 they become
 *   throttles, which are never counted, R24/R33); dependency rejections fire once each, and at
 *   most m minus the invocation faults of them fail (the rest become deferrals);
 * - the faults' worst-case delays stay within half of a fixed record-age limit and of the 24 h
 *   retention (R25, R6): their number is capped so the total fits, and `requiredAgeMs` tells a
 *   caller that may raise a generated limit what the schedule needs.
 *
 * Every rule keeps or drops faults by position, never by value, so a fault that shrinks to a
 * gentler kind or an earlier instant never lets another one in: schedules never grow while
 * shrinking.
 */
export function fitFaults(raw: RawFaults, c: FaultContext): FittedFaults {
  const m = c.mapping.maximumRetryAttempts;
  const on = (kind: FaultKind): boolean => raw.kinds.includes(kind) && !(c.survivable && m === 0 && (kind === 'error' || kind === 'crash' || kind === 'timeout'));
  const invocationKinds = INVOCATION_KINDS.filter(on);
  const timedKinds = TIMED_KINDS.filter(on);
  const dependencyKinds = DEPENDENCY_KINDS.filter(on);
  let left = c.survivable ? faultCap(c) : Number.POSITIVE_INFINITY;
  let delay = 0;
  const invocations: InvocationFault[] = [];
  for (const intent of invocationKinds.length === 0 ? [] : raw.invocations) {
    if (left-- <= 0) break;
    const fault = invocation(intent, invocationKinds, c);
    invocations.push(fault);
    delay += invocationDelay(fault, c);
  }
  const timed: TimedFault[] = [];
  let timedCount = 0;
  for (const intent of timedKinds.length === 0 ? [] : raw.timed) {
    if (left-- <= 0) break;
    const faults = timedFault(intent, timedKinds, c);
    timed.push(...faults);
    timedCount++;
    delay += timedDelay(faults, c);
  }
  let failing = c.survivable && m >= 0 ? m - Math.min(m, invocations.length) : Number.POSITIVE_INFINITY;
  const dependencies: DependencyFault[] = [];
  for (const intent of dependencyKinds.length === 0 ? [] : raw.dependencies) {
    if (left-- <= 0) break;
    let kind = dependencyKinds[intent[0] % dependencyKinds.length]!;
    if (ERROR_LIKE.has(kind) && failing <= 0) {
      if (!dependencyKinds.includes('defer')) break;
      kind = 'defer';
    }
    if (ERROR_LIKE.has(kind)) failing--;
    const fault = dependencyFault(intent, kind, c, failing !== Number.POSITIVE_INFINITY);
    dependencies.push(fault);
    if (ERROR_LIKE.has(kind)) delay += (fault.times ?? 1) * failureMs(c);
  }
  return {
    schedule: { invocations, timed, dependencies },
    requiredAgeMs: baseDelayMs(c) + delay,
    count: invocations.length + timedCount + dependencies.length,
  };
}

function span(c: FaultContext): Millis {
  return Math.max(1, c.phaseTo - c.phaseFrom);
}

/** An instant in [phaseFrom, phaseTo) from millionths of the phase. */
function instant(units: number, c: FaultContext): Millis {
  return c.phaseFrom + Math.floor((Math.min(units, TIME_UNITS - 1) * span(c)) / TIME_UNITS);
}

function invocation(intent: InvocationIntent, kinds: readonly FaultKind[], c: FaultContext): InvocationFault {
  const [kindRaw, mode, value, start, timesRaw, afterCallsRaw, attemptRaw] = intent;
  const kind = kinds[kindRaw % kinds.length] as InvocationFault['kind'];
  const match: { -readonly [K in keyof InvocationMatch]: InvocationMatch[K] } = {};
  if (mode === 1) match.attempt = 1 + (value % 3);
  else if (mode === 2) match.dispatch = value % Math.max(8, c.records);
  else if (mode === 3) match.record = value % Math.max(1, c.records);
  else if (mode === 4) match.shard = value % c.shards;
  else if (mode === 5) match.lane = value % c.mapping.parallelizationFactor;
  const m = c.mapping.maximumRetryAttempts;
  // R24: the record set's last attempt (m + 1) stays clean, so the failure is always survived.
  // Early attempts only: a fault on attempt 60 of 10 000 would never fire.
  if (c.survivable && m >= 1 && ERROR_LIKE.has(kind)) match.attempt = 1 + (attemptRaw % Math.min(m, 3));
  match.from = instant(start, c);
  match.to = c.phaseTo;
  const fault: { -readonly [K in keyof InvocationFault]: InvocationFault[K] } = { kind, match };
  // Survivable faults always fire a bounded number of times; others may fire all through their
  // window, which an outage's length bounds (the phase may span hours of workload).
  const times = c.survivable ? 1 + (timesRaw % 3) : timesRaw;
  if (times > 0) fault.times = times;
  else match.to = Math.min(c.phaseTo, match.from + MAX_OUTAGE_WINDOW_MS);
  if (kind === 'crash' && afterCallsRaw > 0) fault.afterCalls = afterCallsRaw;
  return fault;
}

function timedFault(intent: TimedIntent, kinds: readonly FaultKind[], c: FaultContext): TimedFault[] {
  const [kindRaw, atRaw, durationRaw, shard] = intent;
  const kind = kinds[kindRaw % kinds.length] as TimedFault['kind'];
  const at = instant(atRaw, c);
  if (kind === 'duplicate') return [{ kind, at, shard: shard % c.shards }];
  if (kind !== 'disable') return [{ kind, at } as TimedFault];
  // Runs that need not be survivable sometimes stay disabled past retention, so records are
  // trimmed before they are read (R6; R28 resuming from a trimmed checkpoint).
  if (!c.survivable && durationRaw % 16 === 0) return [{ kind: 'disable', at }, { kind: 'enable', at: at + LONG_OUTAGE_MS }];
  // R28: the mapping is always enabled again, inside the phase.
  const duration = Math.max(1, Math.floor((durationRaw * Math.min(MAX_DISABLE_MS, span(c))) / TIME_UNITS));
  return [{ kind: 'disable', at }, { kind: 'enable', at: Math.max(at + 1, Math.min(at + duration, c.phaseTo)) }];
}

function dependencyFault(intent: DependencyIntent, kind: FaultKind, c: FaultContext, limited: boolean): DependencyFault {
  const [, mode, value, timesRaw, errorRaw, start] = intent;
  // `nth` and flaky matches start anywhere in the phase, so they also reach the last changes of
  // an item (which final-state invariants see), not only the first calls of a run.
  const window = { from: instant(start, c), to: c.phaseTo };
  const match =
    mode === 0 ? { call: value }
    : mode === 1 ? { dispatch: value % Math.max(8, c.records) }
    : mode === 2 ? { nth: 1 + (value % 3), ...window }
    : { ...window, probability: FLAKY_PROBABILITIES[value % FLAKY_PROBABILITIES.length]! };
  const fault: { -readonly [K in keyof DependencyFault]: DependencyFault[K] } = { kind: kind as DependencyFault['kind'], match };
  // Under a retry limit each failing dependency fault fires once: one failed attempt at most. A
  // deferral fails nothing, so it fires on every matching call: an `nth` deferral then reaches
  // every batch of its window, the last ones included.
  if (kind !== 'defer') fault.times = limited ? 1 : timesRaw;
  if (kind !== 'defer' && errorRaw > 0) fault.error = DEPENDENCY_ERRORS[errorRaw - 1]!;
  return fault;
}

/** One failed attempt: the retry backoff (at most retryMaxMs), the invocation and a poll. */
function failureMs(c: FaultContext): Millis {
  return c.timing.retryMaxMs + c.timing.invocationMs + c.timing.pollIntervalMs;
}

function windowMs(c: FaultContext): Millis {
  return c.mapping.maximumBatchingWindowInSeconds * SECOND + c.timing.pollIntervalMs;
}

function invocationDelay(fault: InvocationFault, c: FaultContext): Millis {
  const per =
    fault.kind === 'throttle'
      ? c.timing.throttleRetryMs + c.timing.pollIntervalMs
      : fault.kind === 'timeout'
        ? c.functionTimeoutMs + failureMs(c)
        : failureMs(c);
  // Without `times` a fault fires all through its window, then once more at most.
  return fault.times === undefined ? (fault.match.to ?? c.phaseTo) - (fault.match.from ?? c.phaseFrom) + per : fault.times * per;
}

function timedDelay(faults: readonly TimedFault[], c: FaultContext): Millis {
  const [first, second] = faults;
  if (first === undefined) return 0;
  if (first.kind === 'disable') return (second?.at ?? first.at) - first.at + windowMs(c);
  if (first.kind === 'restart') return windowMs(c);
  if (first.kind === 'duplicate') return c.timing.pollIntervalMs + c.timing.invocationMs;
  return 0;
}

/** Delay any record may see without faults: its batching window per lineage level, polling, rounding. */
function baseDelayMs(c: FaultContext): Millis {
  return SECOND + (c.depth + 2) * windowMs(c) + SAFETY_MS;
}

/**
 * The longest batching window (whole seconds) under which no record can age past half of a
 * record-age limit of `ageSeconds` without any fault (the other half is the faults' budget).
 */
export function largestSafeWindowSeconds(ageSeconds: number, depth: number, timing: Timing): number {
  const perLevel = ((ageSeconds * SECOND) / 2 - SECOND - SAFETY_MS) / (depth + 2) - timing.pollIntervalMs;
  return Math.max(0, Math.floor(perLevel / SECOND));
}

/**
 * How many faults fit the delay budget: half of the record-age limit (or of retention), the other
 * half being left to batching windows. Judged by the worst any kind could do with the longest
 * window, so the cap depends only on fixed settings, never on a value that shrinks.
 */
function faultCap(c: FaultContext): number {
  const worst = Math.max(
    3 * (c.functionTimeoutMs + failureMs(c)),
    3 * (c.timing.throttleRetryMs + c.timing.pollIntervalMs),
    MAX_DISABLE_MS + MAX_WINDOW_MS + c.timing.pollIntervalMs,
  );
  return Math.floor(delayLimitMs(c) / 2 / worst);
}

/** What survivable delays must stay under: the fixed record-age limit, and retention. */
function delayLimitMs(c: FaultContext): Millis {
  const age = c.mapping.maximumRecordAgeInSeconds;
  return Math.min(RETENTION_BUDGET_MS, c.ageAdjustable || age === -1 ? Number.POSITIVE_INFINITY : age * SECOND);
}
