import { simulate } from '../mapping/simulate.js';
import { renderTrace, summarizeTrace } from '../trace/index.js';
import { bugHunt } from './bugHunt.js';
import { compareProjection, projectionKeyText } from './compareProjection.js';
import { demoScenario } from './demoScenario.js';
import { createProjectionHandler, projectionKeyOf, type ProjectionStore } from './examples/projectionHandler.js';
import { expectedProjection } from './expectedProjection.js';
import { shownSource } from './shownSource.js';

/**
 * `shardcheck demo`: part 1 runs the built-in scenario against the example projection handler,
 * prints the trace summary and timeline, and checks the projection against the table's final
 * state; part 2 lets property-based testing find, shrink and explain the lost-update handler's bug,
 * then shows the fixed handler passing. Returns 0 when both parts went as told, else 1.
 */
export async function runDemo(write: (text: string) => void, cwd: string): Promise<number> {
  const scenario = demoScenario();
  const store: ProjectionStore = new Map();
  const trace = await simulate(scenario, { createHandler: () => createProjectionHandler(store) });
  write(`shardcheck demo: the example projection handler (${shownSource(new URL('./examples/projectionHandler.js', import.meta.url), cwd)}) under a shard split,\n`);
  write(`a throttle, a timeout and a poller restart, in virtual time.\n\n`);
  write(summarizeTrace(trace));
  write('\n');
  write(renderTrace(trace));
  write('\n');
  const result = compareProjection(expectedProjection(scenario, projectionKeyOf), store, (key) => projectionKeyText(key, scenario.table));
  if (result.ok) {
    write(`PASS projection matches the table's final state (${result.items} items)\n`);
  } else {
    write(`FAIL projection differs from the table's final state in ${result.differences.length} of ${result.items} items\n`);
    for (const line of result.differences) write(`  ${line}\n`);
  }
  const found = await bugHunt(write, cwd);
  return result.ok && found ? 0 : 1;
}

