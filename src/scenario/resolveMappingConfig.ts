import {
  deepFreeze,
  optionError,
  readBoolean,
  readInteger,
  readObject,
  rejectUnknownOptions,
} from '../core/index.js';
import type { MappingConfig, MappingParameters } from './mappingConfig.js';
import { resolveDestinationConfig } from './resolveDestinationConfig.js';

const KNOWN: readonly (keyof MappingParameters)[] = [
  'batchSize',
  'maximumBatchingWindowInSeconds',
  'startingPosition',
  'bisectBatchOnFunctionError',
  'maximumRetryAttempts',
  'maximumRecordAgeInSeconds',
  'parallelizationFactor',
  'functionResponseTypes',
  'destinationConfig',
  'enabled',
];

/** AWS options users will copy from real mappings, each with the reason it is refused. */
const REFUSED: Readonly<Record<string, string>> = {
  startingPositionTimestamp: 'is not supported: DynamoDB streams do not support AT_TIMESTAMP (R22)',
  filterCriteria: 'is not supported yet: event filtering (R56-R61) is not simulated',
  metricsConfig: 'is not supported yet: metrics are not simulated',
  eventSourceArn: 'is not an option: the stream ARN comes from `table`',
  functionName: 'is not an option here: use the `function` option',
};

const RBIF = 'ReportBatchItemFailures';

/** Validates ESM parameters and applies today's AWS defaults (docs/rules.md, R19–R28: what a fresh mapping reports today). */
export function resolveMappingConfig(params: MappingParameters | undefined, path = 'mapping'): MappingConfig {
  const p = readObject(path, params ?? {});
  rejectRefused(path, p);
  const { tumblingWindowInSeconds: _off, ...rest } = p;
  rejectUnknownOptions(path, rest, KNOWN, [...Object.keys(REFUSED), 'tumblingWindowInSeconds']);
  const at = (key: string): string => `${path}.${key}`;
  return deepFreeze({
    batchSize: p.batchSize === undefined ? 100 : readInteger(at('batchSize'), p.batchSize, 1, 10000),
    maximumBatchingWindowInSeconds:
      p.maximumBatchingWindowInSeconds === undefined
        ? 0
        : readInteger(at('maximumBatchingWindowInSeconds'), p.maximumBatchingWindowInSeconds, 0, 300),
    startingPosition: readStartingPosition(at('startingPosition'), p.startingPosition),
    bisectBatchOnFunctionError:
      p.bisectBatchOnFunctionError === undefined
        ? false
        : readBoolean(at('bisectBatchOnFunctionError'), p.bisectBatchOnFunctionError),
    maximumRetryAttempts: readMinusOneOr(at('maximumRetryAttempts'), p.maximumRetryAttempts, 0, 10000),
    maximumRecordAgeInSeconds: readMinusOneOr(at('maximumRecordAgeInSeconds'), p.maximumRecordAgeInSeconds, 60, 604800),
    parallelizationFactor:
      p.parallelizationFactor === undefined ? 1 : readInteger(at('parallelizationFactor'), p.parallelizationFactor, 1, 10),
    functionResponseTypes: readFunctionResponseTypes(at('functionResponseTypes'), p.functionResponseTypes),
    destinationConfig: resolveDestinationConfig(p.destinationConfig, at('destinationConfig')),
    enabled: p.enabled === undefined ? true : readBoolean(at('enabled'), p.enabled),
  });
}

function rejectRefused(path: string, p: Record<string, unknown>): void {
  for (const [key, rule] of Object.entries(REFUSED)) {
    if (key in p) throw optionError(`${path}.${key}`, rule, p[key]);
  }
  // 0 is how AWS reports "off" (docs/rules.md, R50), so a copied config that says so is fine.
  if ('tumblingWindowInSeconds' in p && p.tumblingWindowInSeconds !== 0) {
    throw optionError(
      `${path}.tumblingWindowInSeconds`,
      'is not supported yet: tumbling windows (R50-R55) are not simulated; only 0 (off) is accepted',
      p.tumblingWindowInSeconds,
    );
  }
}

function readStartingPosition(path: string, value: unknown): 'TRIM_HORIZON' | 'LATEST' {
  // AWS requires StartingPosition; a harness is more useful reading the whole stream by default.
  if (value === undefined) return 'TRIM_HORIZON';
  if (value === 'TRIM_HORIZON' || value === 'LATEST') return value;
  if (value === 'AT_TIMESTAMP') {
    throw optionError(path, 'must be TRIM_HORIZON or LATEST: DynamoDB streams do not support AT_TIMESTAMP (R22)', value);
  }
  throw optionError(path, 'must be TRIM_HORIZON or LATEST', value);
}

/** `-1` means unlimited; AWS rejects the gap between -1 and `min` (R24, R25). */
function readMinusOneOr(path: string, value: unknown, min: number, max: number): number {
  if (value === undefined || value === -1) return -1;
  return readInteger(path, value, min, max, `must be -1 or ${min}..${max}`);
}

function readFunctionResponseTypes(path: string, value: unknown): readonly 'ReportBatchItemFailures'[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.length === 0) return [];
  if (Array.isArray(value) && value.length === 1 && value[0] === RBIF) return [RBIF];
  throw optionError(path, `must be [] or ["${RBIF}"]`, value);
}
