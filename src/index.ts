/**
 * shardcheck: property-based testing and fault injection for Lambda handlers fed by DynamoDB Streams.
 * Every public name is listed here explicitly.
 */
export { simulate, MAX_PAYLOAD_BYTES } from './mapping/index.js';
export type { SimulateOptions, StreamHandler, HandlerFactory, HandlerTarget, EnvironmentInfo } from './mapping/index.js';
export { resolveScenario, DEFAULT_SEMANTICS, DEFAULT_TIMING } from './scenario/index.js';
export type {
  ScenarioParameters,
  Scenario,
  MappingParameters,
  MappingConfig,
  FunctionParameters,
  StreamParameters,
  TopologyEvent,
  Semantics,
  Timing,
} from './scenario/index.js';
export { itemKeyOf } from './table/index.js';
export type { TableParameters, TableSpec, StreamViewType, TableOperation, Item, Write } from './table/index.js';
export type { FaultSchedule, InvocationFault, InvocationMatch, TimedFault } from './faults/index.js';
export type { Trace, TraceEvent, TraceRecord, TraceShard, OnFailureMessage, OutcomeClass } from './trace/trace-types.js';
export { ShardcheckError, compareSeq } from './core/index.js';
