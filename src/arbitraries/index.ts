/**
 * fast-check arbitraries for shardcheck scenarios: one public builder per file, listed here
 * explicitly. Internals live under `_internals/`.
 */
export { tableSpec, type TableSpecOptions, type GeneratedTable } from './tableSpec.js';
export { itemAttributes, type ItemAttributesOptions } from './itemAttributes.js';
export { changeSequence, type ChangeSequenceOptions, type EventName } from './changeSequence.js';
export { shardTopology, type ShardTopologyOptions } from './shardTopology.js';
export { mappingConfig, type MappingConfigOptions } from './mappingConfig.js';
export { faultSchedule, type FaultScheduleOptions, type FaultKind } from './faultSchedule.js';
export { interleaving, type InterleavingOptions } from './interleaving.js';
export { scenario, type ScenarioOptions } from './scenario.js';
