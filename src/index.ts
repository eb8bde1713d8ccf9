/**
 * shardcheck: property-based testing and fault injection for Lambda handlers fed by DynamoDB Streams.
 * Every public name is listed here explicitly.
 */
export { simulate, MAX_PAYLOAD_BYTES } from './mapping/index.js';
export type { SimulateOptions, StreamHandler, StreamResponse, HandlerFactory, HandlerTarget, EnvironmentInfo } from './mapping/index.js';
export { resolveScenario, DEFAULT_SEMANTICS, DEFAULT_TIMING } from './scenario/index.js';
export type {
  ScenarioParameters,
  Scenario,
  MappingParameters,
  MappingConfig,
  FunctionParameters,
  LambdaRuntime,
  StreamParameters,
  TopologyEvent,
  Semantics,
  Timing,
} from './scenario/index.js';
export { itemKey, type ItemKeyTable } from './table/index.js';
export type { TableParameters, TableSpec, StreamViewType, TableOperation, Item, Write } from './table/index.js';
export { attachFaults, wrapDeps, type DetachFaults, type WrapDepsOptions } from './faults/index.js';
export type {
  FaultSchedule,
  InvocationFault,
  InvocationMatch,
  TimedFault,
  DependencyFault,
  DependencyMatch,
  DependencyFaultKind,
  DependencyErrorKind,
} from './faults/index.js';
export { COVERAGE_ITEMS, coverageOf, CoverageTally, type CoverageItem, type CampaignCoverage } from './coverage/index.js';
export type { Trace, TraceEvent, TraceRecord, TraceShard, OnFailureMessage, OutcomeClass, LogLine, LogSource } from './trace/index.js';
export { serializeTrace, parseTrace, renderTrace, summarizeTrace } from './trace/index.js';
export { ShardcheckError, compareSeq } from './core/index.js';
export {
  tableSpec,
  itemAttributes,
  changeSequence,
  shardTopology,
  mappingConfig,
  faultSchedule,
  interleaving,
  scenario,
} from './arbitraries/index.js';
export type {
  TableSpecOptions,
  GeneratedTable,
  ItemAttributesOptions,
  ChangeSequenceOptions,
  EventName,
  ShardTopologyOptions,
  MappingConfigOptions,
  FaultScheduleOptions,
  FaultKind,
  InterleavingOptions,
  ScenarioOptions,
} from './arbitraries/index.js';
export {
  buildModel,
  type Model,
  type DiscardReason,
  type DiscardedRecord,
  type Owed,
  type OwedItem,
  type UncertainItem,
  type ImageForm,
  type ImageForms,
  type ImageOf,
  type ImagesOptions,
  type OwedImagesOptions,
  type JsonValue,
} from './model/index.js';
export { check, INVARIANTS, RETIRED_INVARIANTS, type Advisory, type AdvisoryName, type Anomaly, type AnomalyKind, type InvariantName, type Verdict } from './check/index.js';
export {
  checkStreamHandler,
  ShardcheckFailure,
  metricsOf,
  encodeJson as encodeScenarioJson,
  decodeJson as decodeScenarioJson,
  type RunSummary,
  type CheckStreamHandlerOptions,
  type InvariantContext,
  type ExtraScenarioOptions,
  type StreamMetrics,
  type IteratorAgePoint,
  type DroppedBreakdown,
  type MetricTotals,
  type SeedSource,
} from './run/index.js';
export { readDeployment, applyDeployment } from './deploy/index.js';
export type {
  Deployment,
  DeployedMapping,
  DeploymentOrigin,
  DeploymentParameters,
  ReadDeploymentOptions,
  StreamSource,
  UnsupportedSetting,
  DeploymentOption,
  DeploymentOverrides,
  AppliedDeployment,
} from './deploy/index.js';
