import fc from 'fast-check';
import { TIME_UNITS } from './topologyIntents.js';

/** Every fault kind a schedule can hold, per category, each list from least to most disruptive. */
export const INVOCATION_KINDS = ['throttle', 'error', 'crash', 'timeout'] as const;
export const TIMED_KINDS = ['reclaim', 'duplicate', 'restart', 'disable'] as const;
export const DEPENDENCY_KINDS = ['defer', 'reject', 'applyThenReject'] as const;
export const FAULT_KINDS = [...INVOCATION_KINDS, ...TIMED_KINDS, ...DEPENDENCY_KINDS] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** `[kind, match mode, match value, window start (millionths of the phase), times, afterCalls, attempt]`. */
export type InvocationIntent = readonly [kind: number, mode: number, value: number, start: number, times: number, afterCalls: number, attempt: number];
/** `[kind, instant (millionths of the phase), duration (millionths of the longest disable), shard]`. */
export type TimedIntent = readonly [kind: number, at: number, duration: number, shard: number];
/** `[kind, match mode, match value, times, error, window start (millionths of the phase)]`. */
export type DependencyIntent = readonly [kind: number, mode: number, value: number, times: number, error: number, start: number];

export interface RawFaults {
  /** The kinds this run may use (all allowed ones, or a swarm subset). */
  readonly kinds: readonly FaultKind[];
  readonly invocations: readonly InvocationIntent[];
  readonly timed: readonly TimedIntent[];
  readonly dependencies: readonly DependencyIntent[];
}

export interface FaultLimits {
  readonly invocations: number;
  readonly timed: number;
  readonly dependencies: number;
}

/**
 * Raw fault draws: only counts, small indices and fractions, so they shrink towards fewer faults,
 * gentler kinds (each kind index picks from the enabled kinds, least disruptive first), earlier
 * and shorter windows, fewer firings; in swarm mode, towards fewer enabled kinds.
 */
export function faultIntents(allowed: readonly FaultKind[], limits: FaultLimits, swarm: boolean): fc.Arbitrary<RawFaults> {
  const small = fc.nat({ max: 63 });
  return fc.record({
    kinds: swarm ? fc.subarray([...allowed]) : fc.constant(allowed),
    invocations: fc.array(fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 5 }), small, fc.nat({ max: TIME_UNITS - 1 }), fc.nat({ max: 3 }), fc.nat({ max: 3 }), small), { maxLength: limits.invocations }),
    timed: fc.array(fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: TIME_UNITS - 1 }), fc.nat({ max: TIME_UNITS }), small), { maxLength: limits.timed }),
    dependencies: fc.array(fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 3 }), small, fc.integer({ min: 1, max: 8 }), fc.nat({ max: 3 }), fc.nat({ max: TIME_UNITS - 1 })), { maxLength: limits.dependencies }),
  });
}
