import { HOUR, SECOND, type Millis } from '../../core/index.js';
import { resolveMappingConfig, type MappingConfig, type MappingParameters, type ScenarioParameters, type Timing } from '../../scenario/index.js';
import { resolveTableSpec } from '../../table/index.js';
import type { GeneratedTable } from '../tableSpec.js';
import { interpretChanges, type QualifiedChangeOptions, type RawChanges } from './changeIntents.js';
import type { RawFaults } from './faultIntents.js';
import { fitFaults, largestSafeWindowSeconds } from './fitFaults.js';
import { interpretTopology, type TopologyIntent } from './topologyIntents.js';

/** Everything `scenario` draws, before it is combined. */
export interface RawScenario {
  readonly table: GeneratedTable;
  readonly changes: RawChanges;
  readonly topology: readonly TopologyIntent[];
  readonly mapping: MappingParameters;
  readonly faults: RawFaults;
  readonly interleaving: readonly number[];
  readonly simSeed: number;
}

/** What `scenario` resolved from its options once, for every run. */
export interface ScenarioPlan {
  readonly changes: QualifiedChangeOptions;
  readonly survivable: boolean;
  /** The user fixed `maximumRecordAgeInSeconds` / `maximumBatchingWindowInSeconds`. */
  readonly fixedAge: boolean;
  readonly fixedWindow: boolean;
  /** Fixed fault phase length; default: the workload's span within [1 s, 12 h]. */
  readonly phaseMs: Millis | undefined;
  readonly timing: Timing;
  readonly functionTimeoutMs: Millis;
  /** Options passed through to the scenario unchanged (function, timing, semantics, start). */
  readonly passThrough: Partial<ScenarioParameters>;
}

const MIN_PHASE_MS = SECOND;
// The whole workload, so faults reach its last changes too (final-state invariants look there);
// bounded well inside the 24 h retention so a run always heals before records could be trimmed.
const MAX_PHASE_MS = 12 * HOUR;

/**
 * Combines independent draws into one scenario with pure functions: the workload on the table,
 * topology events during the workload, faults fitted to the stream and the mapping, and (when
 * survivable) a mapping whose record-age limit leaves room for them.
 */
export function assembleScenario(raw: RawScenario, plan: ScenarioPlan): ScenarioParameters {
  const workload = interpretChanges(resolveTableSpec(raw.table.table), plan.changes, raw.changes);
  const span = workload.at;
  const stream = interpretTopology(raw.topology, raw.table.shardCount, Math.max(span, MIN_PHASE_MS));
  let mapping = raw.mapping;
  const fixedLimit = mapping.maximumRecordAgeInSeconds ?? -1;
  if (plan.survivable && plan.fixedAge && fixedLimit !== -1 && !plan.fixedWindow) {
    // A window the user did not fix never makes records outlive the age limit they did fix.
    const window = Math.min(mapping.maximumBatchingWindowInSeconds ?? 0, largestSafeWindowSeconds(fixedLimit, stream.depth, plan.timing));
    mapping = { ...mapping, maximumBatchingWindowInSeconds: window };
  }
  const resolved = resolveMappingConfig(mapping);
  const fitted = fitFaults(raw.faults, {
    phaseFrom: 0,
    phaseTo: plan.phaseMs ?? Math.min(MAX_PHASE_MS, Math.max(MIN_PHASE_MS, span + firstDeliveryMs(resolved, plan.timing))),
    shards: stream.shards,
    records: workload.records,
    depth: stream.depth,
    mapping: resolved,
    functionTimeoutMs: plan.functionTimeoutMs,
    timing: plan.timing,
    survivable: plan.survivable,
    ageAdjustable: !plan.fixedAge,
  });
  const age = resolved.maximumRecordAgeInSeconds;
  const needed = Math.ceil(fitted.requiredAgeMs / SECOND);
  if (plan.survivable && !plan.fixedAge && age !== -1 && age < needed) mapping = { ...mapping, maximumRecordAgeInSeconds: Math.min(604_800, needed) };
  return {
    table: raw.table.table,
    operations: workload.operations,
    stream: { shardCount: raw.table.shardCount, topology: stream.events },
    mapping,
    faults: fitted.schedule,
    interleaving: raw.interleaving,
    simSeed: raw.simSeed,
    ...plan.passThrough,
  };
}

/** How long after a change its first delivery can start without faults: a batching window and two polls. */
function firstDeliveryMs(mapping: MappingConfig, timing: Timing): Millis {
  return mapping.maximumBatchingWindowInSeconds * SECOND + 2 * timing.pollIntervalMs;
}
