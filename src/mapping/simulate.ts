import { resolveScenario } from '../scenario/resolveScenario.js';
import type { Scenario, ScenarioParameters } from '../scenario/scenario.js';
import { buildStreamHistory } from '../stream/buildStreamHistory.js';
import type { Trace } from '../trace/trace.js';
import type { HandlerTarget } from './handlerTypes.js';
import { Simulator, type SimulateOptions } from './Simulator.js';

/**
 * Runs one scenario against a real handler in virtual time and returns its trace. Same scenario
 * (and a handler that is itself deterministic) ⇒ byte-identical trace JSON.
 */
export async function simulate(scenario: Scenario | ScenarioParameters, target: HandlerTarget, options: SimulateOptions = {}): Promise<Trace> {
  const resolved = isResolved(scenario) ? scenario : resolveScenario(scenario);
  const history = buildStreamHistory(resolved);
  return new Simulator(resolved, history, target, options).run();
}

function isResolved(scenario: Scenario | ScenarioParameters): scenario is Scenario {
  return Object.isFrozen(scenario) && 'semantics' in scenario && 'timing' in scenario && typeof (scenario as Scenario).function?.functionArn === 'string';
}
