import { STORED_TRACES } from '../../fixtures/traces/catalog.js';
import { createLostUpdateHandler } from '../../fixtures/handlers/lostUpdate.js';
import { check } from '../../src/check/index.js';
import { expectedProjection } from '../../src/cli/expectedProjection.js';
import { compareProjection } from '../../src/cli/compareProjection.js';
import { projectionKeyOf, type ProjectionStore } from '../../src/cli/examples/projectionHandler.js';
import type { HandlerTarget } from '../../src/mapping/handlerTypes.js';
import { simulate } from '../../src/mapping/index.js';
import { buildModel } from '../../src/model/index.js';
import type { FailureCause, FailureReport } from '../../src/report/index.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';
import type { Trace } from '../../src/trace/index.js';

/*
 * Real failures for the report tests: each runs a fixture handler through the simulator and the
 * checker. Seeds, paths and counts are fixed so the rendered text is stable (golden files).
 */

type Meta = Pick<FailureReport, 'seed' | 'path' | 'numRuns' | 'shrinks' | 'replay' | 'storedAt' | 'coverage'>;

/** The replay target of a vitest test. */
export const inTest = (file: string, name: string, token: string | undefined = '1/0a1b2c3d/4e5f6a7b/1234567/36:2:0:1/'): FailureReport['replay'] => ({ token, test: { runner: 'vitest', file, names: [name] } });

/** A report of a verdict failure of `scenario` run against `handler`. */
export async function verdictReport(scenario: ScenarioParameters, handler: HandlerTarget, meta: Meta): Promise<FailureReport> {
  const trace = await simulate(scenario, handler);
  const model = buildModel(scenario);
  const verdict = check(trace, model);
  if (verdict.valid) throw new Error('verdictReport: the run passed');
  return { cause: { kind: 'verdict', verdict }, scenario, trace, model, ...meta };
}

/** A report whose cause is given (a user-invariant failure, or a hand-made verdict for unit tests). */
export function reportOf(scenario: ScenarioParameters, trace: Trace, cause: FailureCause, meta: Partial<Meta> = {}): FailureReport {
  return { cause, scenario, trace, model: buildModel(scenario), seed: 1, path: '0', numRuns: 1, shrinks: 0, ...meta };
}

export function catalogEntry(name: string) {
  const entry = STORED_TRACES.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no stored trace ${name}`);
  return entry;
}

export const poisonRecordReport = (): Promise<FailureReport> => {
  const entry = catalogEntry('poison-record');
  return verdictReport(entry.scenario, entry.handler(), {
    seed: 1234567,
    path: '36:2:0:1',
    numRuns: 37,
    shrinks: 12,
    replay: inTest('test/projection.test.ts', 'projection survives stream faults'),
    storedAt: '.shardcheck/regressions/projection-survives-stream-faults-1234567.json',
  });
};

export const phantomItemIdentifierReport = (): Promise<FailureReport> => {
  const entry = catalogEntry('phantom-item-identifier');
  return verdictReport(entry.scenario, entry.handler(), { seed: -42, path: '3:0', numRuns: 4, shrinks: 5 });
};

/** Sequence numbers that gain a digit mid-run, two writes per item: a string comparison drops the newer image. */
export const LOST_UPDATE_SCENARIO: ScenarioParameters = {
  table: { tableName: 'accounts', partitionKey: 'pk', sortKey: 'sk' },
  operations: [
    { type: 'put', at: 0, item: { pk: 'user#1', sk: 'profile', plan: 'free' } },
    { type: 'update', at: 100, key: { pk: 'user#1', sk: 'profile' }, set: { plan: 'pro' } },
    { type: 'update', at: 200, key: { pk: 'user#1', sk: 'profile' }, set: { plan: 'team' } },
  ],
  stream: { shardCount: 1, sequenceStart: '999999999999999999990' },
  mapping: { batchSize: 1 },
  simSeed: 7,
};

/** The lost-update handler against a user invariant "the projection holds every item's final image". */
export async function lostUpdateReport(scenario: ScenarioParameters = LOST_UPDATE_SCENARIO): Promise<FailureReport> {
  const store: ProjectionStore = new Map();
  const handler = { createHandler: () => createLostUpdateHandler(store) };
  const trace = await simulate(scenario, handler);
  const comparison = compareProjection(expectedProjection(scenario, projectionKeyOf), store, (key) => key);
  if (comparison.ok) throw new Error('lostUpdateReport: the projection is right');
  const error = { name: 'AssertionError', message: `projection differs from the table:\n${comparison.differences.join('\n')}` };
  return reportOf(scenario, trace, { kind: 'user-invariant', error }, { seed: 99, path: '0:0', numRuns: 1, shrinks: 3, replay: inTest('test/lost update.test.ts', "projection keeps the newest image (it's \"ordered\")", '1/9a8b7c6d/00112233/99/0:0/o1') });
}
