/**
 * `shardcheck/vitest`: `streamTest`, the `toSurviveStreamFaults` matcher and the `shardcheck()`
 * config plugin. The only module that imports vitest (a peer dependency).
 */
export { streamTest, type StreamTestOptions } from './streamTest.js';
export { registerMatchers, type SurviveOptions, type HandlerOrFactory } from './matchers.js';
export { shardcheck, type ShardcheckPluginOptions } from './plugin.js';
export { jobSeed, type ShardcheckProvided } from './provided.js';
