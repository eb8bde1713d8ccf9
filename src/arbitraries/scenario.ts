import fc from 'fast-check';
import { SECOND, readBoolean, readInteger, readObject, rejectUnknownOptions, type Millis } from '../core/index.js';
import { resolveFunctionConfig, resolveTiming, type FunctionParameters, type MappingParameters, type ScenarioParameters, type Semantics, type Timing } from '../scenario/index.js';
import { resolveTableSpec, type TableParameters } from '../table/index.js';
import { assembleScenario, type ScenarioPlan } from './_internals/assembleScenario.js';
import { qualifyChangeOptions, type ChangeSequenceOptions } from './_internals/changeIntents.js';
import type { RawFaults } from './_internals/faultIntents.js';
import { FAULT_SHAPE_KEYS, qualifyFaultShape, type FaultShapeOptions } from './_internals/qualifyFaultOptions.js';
import { TOPOLOGY_KINDS, readTopologyKinds, topologyIntents, type TopologyIntent, type TopologyKind } from './_internals/topologyIntents.js';
import { interleaving, type InterleavingOptions } from './interleaving.js';
import { mappingConfig } from './mappingConfig.js';
import { tableSpec, type GeneratedTable, type TableSpecOptions } from './tableSpec.js';

export interface ScenarioOptions {
  /** Fix the table; otherwise `tableSpec(tableSpec)` generates one per run. */
  table?: TableParameters;
  tableSpec?: Omit<TableSpecOptions, 'shardCount'>;
  /** Shards open at the start: fixed or bounded; default 1..8. */
  shardCount?: number | { min?: number; max?: number };
  /** The change sequence (lengths, event names, keys, large items, ...); see `changeSequence`. */
  operations?: ChangeSequenceOptions;
  /** Splits and rollovers during the workload; `false` for none. Default up to 3 events. */
  topology?: false | { maxEvents?: number; kinds?: readonly TopologyKind[] };
  /** Mapping fields to fix; the rest varies (see `mappingConfig`). */
  mapping?: MappingParameters;
  /** Fault shape (kinds, counts, swarm) and the phase length; `false` for no faults. */
  faults?: false | (FaultShapeOptions & { phaseMs?: Millis });
  /** Default true: faults a correct handler survives, and record-age limits that leave room for them. */
  survivable?: boolean;
  /** Default true: mapping features and fault kinds are switched on and off per run. */
  swarm?: boolean;
  /** `false` for no interleaving choices (always the first option). */
  interleaving?: false | InterleavingOptions;
  function?: FunctionParameters;
  timing?: Partial<Timing>;
  semantics?: Partial<Semantics>;
  startEpochMs?: number;
}

const KNOWN: readonly (keyof ScenarioOptions)[] = ['table', 'tableSpec', 'shardCount', 'operations', 'topology', 'mapping', 'faults', 'survivable', 'swarm', 'interleaving', 'function', 'timing', 'semantics', 'startEpochMs'];
const NO_RAW_FAULTS: RawFaults = { kinds: [], invocations: [], timed: [], dependencies: [] };
const PATH = 'scenario.options';

/**
 * Whole scenarios for `simulate`: a table and its workload (`changeSequence`), shard topology
 * events during the workload (`shardTopology`), a mapping configuration (`mappingConfig`), a
 * fault schedule fitted to all of them (`faultSchedule`; its phase spans the workload, at most
 * 12 h), interleaving choices and a `simSeed` for background noise (which does not shrink).
 * Every generated scenario is accepted by `resolveScenario` and the stream builder.
 *
 * With `survivable` (the default) the faults are those a correct handler survives, and a
 * generated `maximumRecordAgeInSeconds` other than -1 is raised to what the scenario needs, so
 * records age out neither through faults nor through batching windows. A limit fixed in `mapping`
 * is kept: the faults are fitted under it, and a generated batching window is shortened to fit.
 * With `swarm` (the default) each run switches mapping features and fault kinds on and off.
 *
 * Every part is drawn independently and combined by pure functions, so shrinking moves each part
 * towards fewer records, keys, shards and faults, smaller batches and fewer interleaving
 * surprises, and never makes a part larger.
 */
export function scenario(options?: ScenarioOptions): fc.Arbitrary<ScenarioParameters> {
  const o = readObject(PATH, options ?? {}) as ScenarioOptions;
  rejectUnknownOptions(PATH, o, KNOWN);
  const survivable = o.survivable === undefined ? true : readBoolean(`${PATH}.survivable`, o.survivable);
  const swarm = o.swarm === undefined ? true : readBoolean(`${PATH}.swarm`, o.swarm);
  const fixedTable = o.table === undefined ? undefined : resolveTableSpec(o.table, `${PATH}.table`);
  const faults = o.faults === false ? undefined : (readObject(`${PATH}.faults`, o.faults ?? {}) as FaultShapeOptions & { phaseMs?: Millis });
  if (faults !== undefined) rejectUnknownOptions(`${PATH}.faults`, faults, [...FAULT_SHAPE_KEYS, 'phaseMs']);
  const plan: ScenarioPlan = {
    // TTL expiries whenever the run's table has a TTL attribute (see `changeSequence`).
    changes: qualifyChangeOptions(o.operations, fixedTable === undefined || fixedTable.ttlAttribute !== undefined, `${PATH}.operations`),
    survivable,
    fixedAge: o.mapping?.maximumRecordAgeInSeconds !== undefined,
    fixedWindow: o.mapping?.maximumBatchingWindowInSeconds !== undefined,
    phaseMs: faults?.phaseMs === undefined ? undefined : readInteger(`${PATH}.faults.phaseMs`, faults.phaseMs, 1),
    timing: resolveTiming(o.timing, `${PATH}.timing`),
    functionTimeoutMs: resolveFunctionConfig(o.function, { region: 'us-east-1', accountId: '123456789012' }, `${PATH}.function`).timeout * SECOND,
    passThrough: passThrough(o),
  };
  return fc
    .record({
      table: tables(o, fixedTable === undefined ? undefined : o.table),
      changes: plan.changes.arbitrary,
      topology: topology(o.topology),
      mapping: mappingConfig(o.mapping, { swarm, ...(fixedTable === undefined ? {} : { region: fixedTable.region, accountId: fixedTable.accountId }) }),
      faults: faults === undefined ? fc.constant(NO_RAW_FAULTS) : qualifyFaultShape({ ...faults, survivable, swarm: faults.swarm ?? swarm }, `${PATH}.faults`).arbitrary,
      interleaving: o.interleaving === false ? fc.constant(null).map((): number[] => []) : interleaving(o.interleaving),
      simSeed: fc.noShrink(fc.noBias(fc.integer())),
    })
    .map((raw) => assembleScenario(raw, plan));
}

/** Generated tables, or the fixed one with a generated shard count. */
function tables(o: ScenarioOptions, fixed: TableParameters | undefined): fc.Arbitrary<GeneratedTable> {
  const shardCount = o.shardCount ?? { min: 1, max: 8 };
  if (fixed === undefined) return tableSpec({ ...(o.tableSpec ?? {}), shardCount });
  const spec = resolveTableSpec(fixed);
  const pinned: TableSpecOptions = { partitionKey: spec.partitionKey, sortKey: spec.sortKey ?? null, streamViewType: spec.streamViewType, ttlAttribute: spec.ttlAttribute ?? null, shardCount };
  return tableSpec(pinned).map((generated) => ({ table: fixed, shardCount: generated.shardCount }));
}

function topology(value: ScenarioOptions['topology']): fc.Arbitrary<TopologyIntent[]> {
  if (value === false) return fc.constant(null).map((): TopologyIntent[] => []);
  const t = readObject(`${PATH}.topology`, value ?? {});
  rejectUnknownOptions(`${PATH}.topology`, t, ['maxEvents', 'kinds']);
  const maxEvents = t.maxEvents === undefined ? 3 : readInteger(`${PATH}.topology.maxEvents`, t.maxEvents, 0, 16);
  return topologyIntents(maxEvents, t.kinds === undefined ? TOPOLOGY_KINDS : readTopologyKinds(t.kinds, `${PATH}.topology.kinds`));
}

function passThrough(o: ScenarioOptions): Partial<ScenarioParameters> {
  const out: Partial<ScenarioParameters> = {};
  if (o.function !== undefined) out.function = o.function;
  if (o.timing !== undefined) out.timing = o.timing;
  if (o.semantics !== undefined) out.semantics = o.semantics;
  if (o.startEpochMs !== undefined) out.startEpochMs = o.startEpochMs;
  return out;
}
