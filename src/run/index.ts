/** `checkStreamHandler` and what it is built from. */
export { checkStreamHandler, type RunSummary, type SeedSource } from './checkStreamHandler.js';
export {
  qualifyCheckOptions,
  HEALTH_CHECKS,
  type CheckStreamHandlerOptions,
  type SharedCheckOptions,
  type QualifiedCheckOptions,
  type InvariantContext,
  type ExtraScenarioOptions,
  type HealthCheck,
  type CheckSite,
} from './checkOptions.js';
export { ShardcheckFailure, ShardcheckHealthError } from './ShardcheckFailure.js';
export { runScenario, type RunOutcome } from './runScenario.js';
export { seedFromText, randomSeed } from './resolveSeed.js';
export { encodeValue, decodeValue, encodeJson, decodeJson } from './scenarioCodec.js';
export { storeScenario, loadCorpus, parseStored, scenarioFileName, SCENARIO_FORMAT, SCENARIO_FORMAT_VERSION, type StoredScenario, type StaleEntry, type LoadedCorpus } from './regressionCorpus.js';
export { aggregateMetrics, type MetricTotals } from './aggregateMetrics.js';
export { metricsOf, type StreamMetrics, type IteratorAgePoint, type DroppedBreakdown } from '../trace/metricsOf.js';
export { setTestContextProvider, currentTestContext, contextOfTask, type TestContext, type RunnerTask } from './testContext.js';
export { setPluginDefaults, currentPluginDefaults, environmentOptions, layerOptions, SHARED_OPTIONS, ENV_OPTIONS, type SharedOptionName, type OptionSource } from './optionLayers.js';
export { formatReplayToken, parseReplayToken, type ReplayToken } from './replayToken.js';
export { resetClaimedIdentities } from './checkIdentity.js';
export { Budget, DEFAULT_BUDGET_MS, type BudgetSource } from './Budget.js';
