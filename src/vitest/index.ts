/**
 * `shardcheck/vitest`: the vitest integration (streamTest, matchers, plugin) arrives with the
 * user-surface work; until then it re-exports the simulator so tests can drive it directly.
 */
export { simulate } from '../mapping/index.js';
