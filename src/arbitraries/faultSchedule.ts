import type fc from 'fast-check';
import { SECOND, readInteger, readObject, rejectUnknownOptions, type Millis } from '../core/index.js';
import type { FaultSchedule } from '../faults/index.js';
import { resolveFunctionConfig, resolveMappingConfig, resolveTiming, type FunctionParameters, type MappingParameters, type Timing } from '../scenario/index.js';
import { fitFaults } from './_internals/fitFaults.js';
import { FAULT_SHAPE_KEYS, qualifyFaultShape, readPhase, type FaultShapeOptions } from './_internals/qualifyFaultOptions.js';

export type { FaultKind } from './_internals/faultIntents.js';

export interface FaultScheduleOptions extends FaultShapeOptions {
  /** The fault phase [from, to) in virtual ms; default [0, 60 000). */
  phase?: { from?: Millis; to?: Millis };
  /** The mapping the schedule runs under (retry and age limits, PF, window); default AWS defaults. */
  mapping?: MappingParameters;
  function?: FunctionParameters;
  timing?: Partial<Timing>;
  /** Shard ordinals that exist, for shard matches and duplicates; default 1. */
  shards?: number;
  /** Records in the stream, to aim record matches at real ones; default 100. */
  records?: number;
  /** Longest parent chain of the topology (each level may add a batching window); default 0. */
  topologyDepth?: number;
}

const KNOWN: readonly (keyof FaultScheduleOptions)[] = [...FAULT_SHAPE_KEYS, 'phase', 'mapping', 'function', 'timing', 'shards', 'records', 'topologyDepth'];

/**
 * Fault schedules (docs/glossary.md: fault, survivable, fault phase), bounded in number and in time: every invocation fault matches
 * only dispatches inside the fault phase, every timed fault happens inside it, a disable is always
 * followed by an enable, failing dependency faults fire a bounded number of times and deferrals
 * fire on every call they match (they fail nothing). After the phase the run heals and must drain. Each kind names the guarantee a handler is tested on:
 *
 * - `throttle` (invocation): NOT_INVOKED; the batch waits and is retried without counting an
 *   attempt or bisecting (R33). Tests that nothing is lost or reordered by a delay.
 * - `error` (invocation): the function fails before the handler runs; the record set is retried
 *   (R24, R34) or bisected (R43). Tests retry handling and ordering across retries.
 * - `crash` (invocation): the runtime dies after the handler ran (or at its `afterCalls`-th
 *   dependency call), keeping partial effects; the environment is recycled. Tests idempotency of
 *   partially applied batches and module state lost with the environment.
 * - `timeout` (invocation): the handler's effects stay, its response is lost, the batch is retried.
 *   Tests idempotency: timeouts after side effects mean redelivery of applied records.
 * - `disable`/`enable` (timed): reading stops and resumes from the checkpoint (R28); in-flight
 *   results are stale, so records after the checkpoint are delivered again.
 * - `restart` (timed): a poller restart resumes from the checkpoint (R28): redelivery.
 * - `duplicate` (timed): the last committed batch of a shard is delivered again (R48): duplicates.
 * - `reclaim` (timed): idle environments are reclaimed: module state (caches, connections) is lost.
 * - `reject` (dependency): a downstream call fails without being applied; the handler must fail or
 *   report the record so it is retried (R24, R35), not swallow the error.
 * - `applyThenReject` (dependency): the call is applied but the caller sees an error, the
 *   indeterminate outcome of a timeout: retried writes must be idempotent.
 * - `defer` (dependency): the call runs later, when the interleaving says: concurrent calls race.
 *
 * With `survivable` (the default) only faults a correct handler survives without losing a record
 * are kept: with `maximumRetryAttempts` m ≥ 0 injected failures of a record set stay within its
 * first m attempts (with m = 0, failures become throttles) and at most m failing dependency calls
 * are injected in all, so the last attempt is clean; the worst-case delay of all faults stays
 * inside `maximumRecordAgeInSeconds` and the 24 h retention (R25, R6). With `swarm`, each run
 * enables a random subset of `kinds`. Shrinks towards fewer faults, gentler kinds, earlier
 * instants and fewer firings.
 */
export function faultSchedule(options?: FaultScheduleOptions): fc.Arbitrary<FaultSchedule> {
  const path = 'faultSchedule.options';
  const o = readObject(path, options ?? {}) as FaultScheduleOptions;
  rejectUnknownOptions(path, o, KNOWN);
  const shape = qualifyFaultShape(o, path);
  const phase = readPhase(o.phase, `${path}.phase`);
  const mapping = resolveMappingConfig(o.mapping, `${path}.mapping`);
  const timeout = resolveFunctionConfig(o.function, { region: 'us-east-1', accountId: '123456789012' }, `${path}.function`).timeout;
  const context = {
    phaseFrom: phase.from,
    phaseTo: phase.to,
    shards: o.shards === undefined ? 1 : readInteger(`${path}.shards`, o.shards, 1, 1024),
    records: o.records === undefined ? 100 : readInteger(`${path}.records`, o.records, 0),
    depth: o.topologyDepth === undefined ? 0 : readInteger(`${path}.topologyDepth`, o.topologyDepth, 0, 64),
    mapping,
    functionTimeoutMs: timeout * SECOND,
    timing: resolveTiming(o.timing, `${path}.timing`),
    survivable: shape.survivable,
    ageAdjustable: false,
  };
  return shape.arbitrary.map((raw) => fitFaults(raw, context).schedule);
}
