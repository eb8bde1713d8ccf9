/** The failure report: data in `FailureReport`, text from `renderFailure`. */
export type { FailureCause, FailureReport, RenderOptions, UserError, ReplayTarget, SettingDependence, HandlerLogLine } from './failureReport.js';
export { renderFailure } from './renderFailure.js';
export { headline, leadAnomaly, settingText } from './headline.js';
export { replayCommand, shellQuoted, shellWord, testNamePattern } from './replayCommand.js';
export { findHints, type Hint } from './findHints.js';
export { renderScenario, mappingDifferences, faultLines } from './renderScenario.js';
export { renderTimeline, shardSections, type TimelineOptions } from './renderTimeline.js';
export { renderWitnesses, renderAnomaly, recordLine } from './renderWitnesses.js';
export { eventLine, timelineLines } from './eventLine.js';
export { renderCoverage } from './renderCoverage.js';
export { paint, type Style } from './paint.js';
export { safeText, safeLines } from './safeText.js';
