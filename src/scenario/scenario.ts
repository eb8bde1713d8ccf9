import type { TableParameters, TableSpec } from '../table/tableSpec.js';
import type { TableOperation } from '../table/tableOperation.js';
import type { FaultSchedule } from '../faults/faultSchedule.js';
import type { MappingConfig, MappingParameters } from './mappingConfig.js';
import type { FunctionConfig, FunctionParameters } from './functionConfig.js';
import type { StreamConfig, StreamParameters } from './streamConfig.js';
import type { Semantics } from './semantics.js';
import type { Timing } from './timing.js';

/** A scenario as plain data: what the generators produce and what users may write by hand. */
export interface ScenarioParameters {
  table: TableParameters;
  operations: readonly TableOperation[];
  stream?: StreamParameters;
  mapping?: MappingParameters;
  function?: FunctionParameters;
  faults?: Partial<FaultSchedule>;
  semantics?: Partial<Semantics>;
  timing?: Partial<Timing>;
  /**
   * Choices for every point where concurrent work could go several ways (which ready invocation
   * starts or settles first, which warm environment serves it). Choice i picks index i mod n;
   * once the list runs out, the first option is taken. Empty = no surprises.
   */
  interleaving?: readonly number[];
  /** Seed for background noise (sequence gaps, ids, start jitter). Default 0. */
  simSeed?: number;
  /** Epoch milliseconds that virtual time 0 maps to. */
  startEpochMs?: number;
}

/** Validated, defaults applied, readonly. Everything below `run` takes this form. */
export interface Scenario {
  readonly table: TableSpec;
  readonly operations: readonly TableOperation[];
  readonly stream: StreamConfig;
  readonly mapping: MappingConfig;
  readonly function: FunctionConfig;
  readonly faults: FaultSchedule;
  readonly semantics: Semantics;
  readonly timing: Timing;
  readonly interleaving: readonly number[];
  readonly simSeed: number;
  readonly startEpochMs: number;
}
