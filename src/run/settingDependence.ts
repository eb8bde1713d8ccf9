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
 * The mapping settings that change the contract between the function and the mapping rather than
 * only how records arrive: what a return value means (ReportBatchItemFailures) and which records
 * must stay in order (ParallelizationFactor: per shard, or per partition key). A correct handler
 * must cope with every delivery the other settings allow, so a failure is never blamed on them;
 * running a scenario again with another batch size or starting position changes the whole run,
 * and its passing would prove nothing.
 */
const CONTRACT_SETTINGS: readonly (keyof MappingParameters)[] = ['functionResponseTypes', 'parallelizationFactor'];

/**
 * Which generated contract settings, that the user did not pin, the failure needs: the shrunk
 * scenario is run again with each such setting at AWS's default, and a setting without which it
 * passes is named in the report's headline, with how to pin it. Stops when the budget runs low.
 */
export async function settingDependence<D extends object>(options: QualifiedCheckOptions<D>, scenario: ScenarioParameters, budget: Budget): Promise<SettingDependence[]> {
  const mapping = scenario.mapping ?? {};
  const out: SettingDependence[] = [];
  for (const field of CONTRACT_SETTINGS) {
    if (!(field in mapping) || options.pinnedMapping.includes(field)) continue;
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
