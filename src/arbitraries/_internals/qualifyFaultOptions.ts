import type fc from 'fast-check';
import { optionError, readArray, readBoolean, readInteger, readObject, readOneOf, rejectUnknownOptions } from '../../core/index.js';
import { FAULT_KINDS, faultIntents, type FaultKind, type FaultLimits, type RawFaults } from './faultIntents.js';

/** The options of `faultSchedule` that do not depend on the scenario around it. */
export interface FaultShapeOptions {
  /** Default true: only faults a correct handler survives without losing records. */
  survivable?: boolean;
  /** Default false: per run, a random subset of the allowed kinds is enabled. */
  swarm?: boolean;
  /** Kinds that may appear; default all. */
  kinds?: readonly FaultKind[];
  /** Defaults 4, 3 and 4. */
  maxInvocationFaults?: number;
  maxTimedFaults?: number;
  maxDependencyFaults?: number;
}

export const FAULT_SHAPE_KEYS: readonly (keyof FaultShapeOptions)[] = ['survivable', 'swarm', 'kinds', 'maxInvocationFaults', 'maxTimedFaults', 'maxDependencyFaults'];

export interface QualifiedFaultShape {
  readonly survivable: boolean;
  readonly arbitrary: fc.Arbitrary<RawFaults>;
}

/** Validates the shape options (`o` already checked for unknown keys by the caller) and builds the raw arbitrary. */
export function qualifyFaultShape(o: FaultShapeOptions, path: string): QualifiedFaultShape {
  const survivable = o.survivable === undefined ? true : readBoolean(`${path}.survivable`, o.survivable);
  const swarm = o.swarm === undefined ? false : readBoolean(`${path}.swarm`, o.swarm);
  const listed = o.kinds === undefined ? FAULT_KINDS : readArray(`${path}.kinds`, o.kinds).map((kind, i) => readOneOf(`${path}.kinds[${i}]`, kind, FAULT_KINDS));
  const kinds = FAULT_KINDS.filter((kind) => listed.includes(kind));
  const limit = (key: 'maxInvocationFaults' | 'maxTimedFaults' | 'maxDependencyFaults', fallback: number): number =>
    o[key] === undefined ? fallback : readInteger(`${path}.${key}`, o[key], 0, 32);
  const limits: FaultLimits = { invocations: limit('maxInvocationFaults', 4), timed: limit('maxTimedFaults', 3), dependencies: limit('maxDependencyFaults', 4) };
  return { survivable, arbitrary: faultIntents(kinds, limits, swarm) };
}

/** `{ from, to }` of a fault phase, defaults 0 and 60 s. */
export function readPhase(value: unknown, path: string): { from: number; to: number } {
  const p = readObject(path, value ?? {});
  rejectUnknownOptions(path, p, ['from', 'to']);
  const from = p.from === undefined ? 0 : readInteger(`${path}.from`, p.from, 0);
  const to = p.to === undefined ? from + 60_000 : readInteger(`${path}.to`, p.to, 0);
  if (to <= from) throw optionError(`${path}.to`, `must be greater than ${path}.from (${from})`, to);
  return { from, to };
}
