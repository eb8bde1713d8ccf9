import type { SettingDependence } from '../report/index.js';
import type { MappingParameters, ScenarioParameters } from '../scenario/index.js';
import { resolveMappingConfig } from '../scenario/index.js';
import type { Budget } from './Budget.js';
import type { QualifiedCheckOptions } from './checkOptions.js';
import { canonicalText } from './optionsFingerprint.js';
import { runScenario } from './runScenario.js';

/** AWS's default of every mapping field (the mapping AWS creates when a field is left out). */
const AWS_DEFAULTS: Readonly<Record<string, unknown>> = resolveMappingConfig({}, 'mapping') as unknown as Record<string, unknown>;

/**
 * Which generated mapping settings, that the user did not pin, the failure needs: the shrunk
 * scenario is run again with each such setting at AWS's default, and a setting without which it
 * passes is named in the report's headline, with how to pin it. Stops when the budget runs low.
 */
export async function settingDependence<D extends object>(options: QualifiedCheckOptions<D>, scenario: ScenarioParameters, budget: Budget): Promise<SettingDependence[]> {
  const mapping = scenario.mapping ?? {};
  const out: SettingDependence[] = [];
  for (const field of Object.keys(mapping) as (keyof MappingParameters)[]) {
    if (options.pinnedMapping.includes(field)) continue;
    const value = mapping[field];
    const fallback = AWS_DEFAULTS[field];
    if (canonicalText(value) === canonicalText(fallback)) continue;
    if (!budget.fitsAnotherRun()) break;
    const { [field]: _dropped, ...rest } = mapping;
    try {
      const outcome = await budget.timed(() => runScenario(options, { ...scenario, mapping: rest }));
      if (outcome.failure === undefined) out.push({ field, value, awsDefault: fallback });
    } catch {
      // Another value of the setting may not fit the rest of the scenario: no conclusion.
    }
  }
  return out;
}
