import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDropsRemovesHandler } from '../../fixtures/handlers/dropsRemoves.js';
import { createProjectionHandler, type ProjectionStore } from '../../fixtures/handlers/projection.js';
import type { FailureReport } from '../../src/report/index.js';
import { checkStreamHandler, loadScenarios, type CheckStreamHandlerOptions } from '../../src/run/index.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';
import { projectionMatchesModel, rejection, TABLE } from './support.js';

type Deps = { store: ProjectionStore };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shardcheck-corpus-'));
  vi.stubEnv('SHARDCHECK_SEED', '');
  vi.stubEnv('SHARDCHECK_PATH', '');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

const base = (createHandler: CheckStreamHandlerOptions<Deps>['createHandler'], seen: ScenarioParameters[] = []): CheckStreamHandlerOptions<Deps> => ({
  createHandler,
  deps: () => ({ store: new Map() }),
  table: TABLE,
  mapping: { functionResponseTypes: ['ReportBatchItemFailures'], startingPosition: 'TRIM_HORIZON' },
  invariant: (context) => {
    seen.push(context.model.scenario as unknown as ScenarioParameters);
    projectionMatchesModel(context);
  },
  regressions: dir,
  name: 'projection',
  scenario: { operations: { maxLength: 12 }, shardCount: { max: 2 } },
});
const buggy: CheckStreamHandlerOptions<Deps>['createHandler'] = (d) => createDropsRemovesHandler(d.store);
const fixed: CheckStreamHandlerOptions<Deps>['createHandler'] = (d) => createProjectionHandler(d.store);

describe('regression corpus', () => {
  it('stores the shrunk failure once as versioned JSON, replays it first, and keeps it once it passes', async () => {
    const first = await rejection(() => checkStreamHandler({ ...base(buggy), seed: 42, numRuns: 100 }));
    const report = first.report as FailureReport;
    expect(report.storedAt).toBeDefined();
    expect(report.storedAt!.startsWith(join(dir, 'projection'))).toBe(true);
    expect(first.message).toContain(report.storedAt!);
    const files = readdirSync(join(dir, 'projection'));
    expect(files).toHaveLength(1);
    const stored = JSON.parse(readFileSync(report.storedAt!, 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ format: 'shardcheck-scenario', version: 1, seed: report.seed, path: report.path });
    expect(new Date(stored.found as string).toISOString()).toBe(stored.found);
    expect(loadScenarios(join(dir, 'projection'))[0]!.scenario).toEqual(report.scenario);

    // Another seed: the stored scenario runs first and fails again, reported with where it is stored.
    const seen: ScenarioParameters[] = [];
    const again = await rejection(() => checkStreamHandler({ ...base(buggy, seen), seed: 99, numRuns: 100 }));
    const replayed = again.report as FailureReport;
    expect(replayed.storedAt).toBe(report.storedAt);
    expect(replayed.numRuns).toBe(1);
    expect(replayed.scenario).toEqual(report.scenario);
    expect(seen).toHaveLength(1);
    expect(readdirSync(join(dir, 'projection'))).toHaveLength(1);

    // Fixed handler: the stored scenario passes first, then the search; the file stays.
    const summary = await checkStreamHandler({ ...base(fixed), seed: 99, numRuns: 5 });
    expect(summary).toMatchObject({ regressionRuns: 1, runs: 6 });
    expect(readdirSync(join(dir, 'projection'))).toHaveLength(1);
  });

  it('is keyed by name, and off with regressions: false', async () => {
    await rejection(() => checkStreamHandler({ ...base(buggy), seed: 42, numRuns: 100 }));
    const other = await checkStreamHandler({ ...base(fixed), name: 'other', seed: 1, numRuns: 1 });
    expect(other.regressionRuns).toBe(0);
    const off = await rejection(() => checkStreamHandler({ ...base(buggy), regressions: false, seed: 42, numRuns: 100 }));
    expect((off.report as FailureReport).storedAt).toBeUndefined();
  });
});
