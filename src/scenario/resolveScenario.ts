import {
  DEFAULT_START_EPOCH_MS,
  deepFreeze,
  readArray,
  readInteger,
  readObject,
  rejectUnknownOptions,
} from '../core/index.js';
import { resolveFaultSchedule } from '../faults/resolveFaultSchedule.js';
import { resolveTableSpec } from '../table/resolveTableSpec.js';
import type { TableOperation } from '../table/tableOperation.js';
import { resolveFunctionConfig } from './resolveFunctionConfig.js';
import { resolveMappingConfig } from './resolveMappingConfig.js';
import { resolveSemantics } from './resolveSemantics.js';
import { resolveStreamConfig } from './resolveStreamConfig.js';
import { resolveTiming } from './resolveTiming.js';
import type { Scenario, ScenarioParameters } from './scenario.js';

const KNOWN: readonly (keyof ScenarioParameters)[] = [
  'table',
  'operations',
  'stream',
  'mapping',
  'function',
  'faults',
  'semantics',
  'timing',
  'interleaving',
  'simSeed',
  'startEpochMs',
];

/**
 * Validates a whole scenario once, so everything below `run` can trust it. Operations are only
 * checked to be a list here: the table validates each write when it applies it, with the
 * item's key schema at hand.
 */
export function resolveScenario(params: ScenarioParameters): Scenario {
  const p = readObject('scenario', params);
  rejectUnknownOptions('', p, KNOWN);
  const table = resolveTableSpec(params.table, 'table');
  const operations = readArray('operations', p.operations, 'must be an array of table operations');
  const interleaving = p.interleaving === undefined ? [] : readArray('interleaving', p.interleaving);
  return deepFreeze({
    table,
    // The list is ours to freeze; the operations inside are the caller's objects and stay as given.
    operations: Object.freeze([...operations]) as readonly TableOperation[],
    stream: resolveStreamConfig(params.stream, 'stream'),
    mapping: resolveMappingConfig(params.mapping, 'mapping'),
    function: resolveFunctionConfig(params.function, table, 'function'),
    faults: resolveFaultSchedule(params.faults, 'faults'),
    semantics: resolveSemantics(params.semantics, 'semantics'),
    timing: resolveTiming(params.timing, 'timing'),
    interleaving: interleaving.map((choice, i) => readInteger(`interleaving[${i}]`, choice, 0)),
    simSeed: p.simSeed === undefined ? 0 : readInteger('simSeed', p.simSeed, -0x8000_0000, 0xffff_ffff, 'must be a 32-bit integer (-2147483648..4294967295)'),
    startEpochMs:
      p.startEpochMs === undefined ? DEFAULT_START_EPOCH_MS : readInteger('startEpochMs', p.startEpochMs, 0),
  });
}
