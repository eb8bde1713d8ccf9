import type { Model } from '../model/index.js';
import type { Trace } from '../trace/index.js';
import { checkStreamHandler, ShardcheckFailure } from '../run/index.js';
import type { StreamHandler } from '../mapping/index.js';
import { compareProjection, projectionKeyText } from './compareProjection.js';
import { shownSource } from './shownSource.js';
import { createLostUpdateHandler } from './examples/lostUpdateHandler.js';
import { createProjectionHandler, projectionKeyOf, type ProjectionStore } from './examples/projectionHandler.js';

/** Fixed so the demo prints the same story every time. */
const DEMO_SEED = 2026;
const RUNS = 100;

/** The demo's invariant: the projection holds exactly what the handler owed (here, with TRIM_HORIZON and survivable faults, the table's final items). */
function projectionIsTheTable({ deps, model, trace }: { deps: { store: ProjectionStore }; model: Model; trace: Trace }): void {
  const expected = model.owedImages(trace, { key: projectionKeyOf });
  const result = compareProjection(expected, deps.store, (key) => projectionKeyText(key, model.scenario.table));
  if (!result.ok) throw new Error(`the projection differs from the table in ${result.differences.length} item(s):\n${result.differences.join('\n')}`);
}

function campaign(name: string, createHandler: (store: ProjectionStore) => StreamHandler) {
  return checkStreamHandler({
    createHandler: (deps: { store: ProjectionStore }) => createHandler(deps.store),
    deps: () => ({ store: new Map() as ProjectionStore }),
    table: { tableName: 'accounts', partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES' },
    mapping: { startingPosition: 'TRIM_HORIZON', functionResponseTypes: ['ReportBatchItemFailures'] },
    invariant: projectionIsTheTable,
    numRuns: RUNS,
    seed: DEMO_SEED,
    regressions: false,
    // Each its own check, so the replay line of the buggy one replays only it.
    name,
  });
}

/**
 * Part two of the demo: property-based testing finds the string-comparison bug of the lost-update
 * handler, shrinks it and explains it; the fixed (BigInt-comparing) handler then passes.
 * Returns true when the story went as told.
 */
export async function bugHunt(write: (text: string) => void, cwd: string): Promise<boolean> {
  const source = (name: string): string => shownSource(new URL(`./examples/${name}.js`, import.meta.url), cwd);
  write(`\nPart 2: ${RUNS} generated scenarios against ${source('lostUpdateHandler')}, which compares sequence\n`);
  write(`numbers as strings. shardcheck finds it, shrinks it and explains it:\n\n`);
  let found = false;
  try {
    await campaign('demo-lost-update', createLostUpdateHandler);
    write(`(no failure found in ${RUNS} runs)\n`);
  } catch (error) {
    if (!(error instanceof ShardcheckFailure)) throw error;
    found = true;
    write(`${error.message}\n`);
  }
  write(`\nThe fix compares sequence numbers as BigInt (${source('projectionHandler')}):\n`);
  const summary = await campaign('demo-fixed', createProjectionHandler);
  const reached = Object.values(summary.coverage.reached).filter((count) => count > 0).length;
  write(`PASS ${summary.runs} generated scenarios (seed ${summary.seed}); ${reached} of ${reached + summary.coverage.missing.length} coverage items reached\n`);
  return found;
}
