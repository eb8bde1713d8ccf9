/** `checkStreamHandler` and what it is built from (DESIGN §3, level 4). */
export { checkStreamHandler, type RunSummary } from './checkStreamHandler.js';
export { qualifyCheckOptions, type CheckStreamHandlerOptions, type QualifiedCheckOptions, type InvariantContext, type ExtraScenarioOptions } from './checkOptions.js';
export { ShardcheckFailure } from './ShardcheckFailure.js';
export { runScenario, type RunOutcome } from './runScenario.js';
export { resolveSeed, seedFromText, readEnvPath, type SeedSource } from './resolveSeed.js';
export { encodeValue, decodeValue, encodeJson, decodeJson } from './scenarioCodec.js';
export { storeScenario, loadScenarios, parseStored, scenarioFileName, SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION, type StoredScenario } from './regressionCorpus.js';
export { aggregateMetrics, type MetricTotals } from './aggregateMetrics.js';
export { metricsOf, type StreamMetrics, type IteratorAgePoint, type DroppedBreakdown } from '../trace/metricsOf.js';
