import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDropsRemovesHandler } from '../../fixtures/handlers/dropsRemoves.js';
import { createProjectionHandler, type ProjectionStore } from '../../fixtures/handlers/projection.js';
import type { FailureReport } from '../../src/report/index.js';
import { checkStreamHandler, encodeValue, resetClaimedIdentities, loadCorpus, ShardcheckFailure, type CheckStreamHandlerOptions } from '../../src/run/index.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';
import { projectionMatchesModel, rejection, TABLE } from './support.js';

type Deps = { store: ProjectionStore };
let dir: string;

beforeEach(() => {
  // Each test stands for a separate project run: explicit names may be reused with other options.
  resetClaimedIdentities();
  dir = mkdtempSync(join(tmpdir(), 'shardcheck-corpus-'));
  vi.stubEnv('SHARDCHECK_SEED', '');
  vi.stubEnv('SHARDCHECK_REPLAY', '');
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
  it('stores the shrunk failure once as versioned JSON with its options fingerprint and trace, replays it first, and keeps it once it passes', async () => {
    const first = await rejection(() => checkStreamHandler({ ...base(buggy), seed: 42, numRuns: 100 }));
    const report = first.report as FailureReport;
    expect(report.storedAt).toBeDefined();
    expect(report.storedAt!.startsWith(join(dir, 'projection'))).toBe(true);
    expect(first.message).toContain(report.storedAt!);
    const files = readdirSync(join(dir, 'projection')).sort();
    expect(files).toHaveLength(2);
    expect(files[1]).toBe(files[0]!.replace(/\.json$/, '.trace.json'));
    const stored = JSON.parse(readFileSync(report.storedAt!, 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ format: 'shardcheck-scenario', version: 2, seed: report.seed, path: report.path, check: 'projection' });
    expect(stored.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(new Date(stored.found as string).toISOString()).toBe(stored.found);
    expect(loadCorpus(join(dir, 'projection'), stored.fingerprint as string).entries[0]!.scenario).toEqual(report.scenario);

    // Another seed: the stored scenario runs first and fails again, reported with where it is stored.
    const seen: ScenarioParameters[] = [];
    const again = await rejection(() => checkStreamHandler({ ...base(buggy, seen), seed: 99, numRuns: 100 }));
    const replayed = again.report as FailureReport;
    expect(replayed.storedAt).toBe(report.storedAt);
    expect(replayed.numRuns).toBe(1);
    expect(replayed.scenario).toEqual(report.scenario);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(readdirSync(join(dir, 'projection'))).toHaveLength(2);
    // Rerunning the test replays it: the line carries no token.
    expect(again.message.split('\n')[1]).toMatch(/^replay: npx vitest run test\/run\/regressionCorpus\.test\.ts -t '/);

    // Fixed handler: the stored scenario passes first, then the search; the file stays.
    const summary = await checkStreamHandler({ ...base(fixed), seed: 99, numRuns: 5 });
    expect(summary).toMatchObject({ regressionRuns: 1, runs: 6, staleRegressions: [] });
    expect(readdirSync(join(dir, 'projection'))).toHaveLength(2);
  });

  it('an entry found under other options, or by an older format, is reported with its file and reason and not replayed', async () => {
    const first = await rejection(() => checkStreamHandler({ ...base(buggy), seed: 42, numRuns: 100 }));
    const file = (first.report as FailureReport).storedAt!;
    const old = join(dir, 'projection', 'old.json');
    writeFileSync(old, JSON.stringify({ format: 'shardcheck-scenario', version: 1, scenario: encodeValue((first.report as FailureReport).scenario), seed: 1, path: '0' }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    resetClaimedIdentities(); // as if the options changed between two test runs
    try {
      // Another mapping: the buggy handler's stored scenario would run under options that never generate it.
      const summary = await checkStreamHandler({ ...base(fixed), mapping: { startingPosition: 'TRIM_HORIZON' }, seed: 1, numRuns: 2 });
      expect(summary.regressionRuns).toBe(0);
      expect(summary.staleRegressions.map((s) => s.file).sort()).toEqual([file, old].sort());
      const printed = warn.mock.calls.map((c) => String(c[0])).join('\n');
      expect(printed).toContain(`stored regression ${file} not replayed: it was found under other options of this check`);
      expect(printed).toContain(`stored regression ${old} not replayed: it was written by an older shardcheck that did not record the options`);
    } finally {
      warn.mockRestore();
    }
  });

  it('a corrupt entry fails with its file named', async () => {
    mkdirSync(join(dir, 'projection'), { recursive: true });
    writeFileSync(join(dir, 'projection', 'broken.json'), '{"format": "shardcheck-scen');
    const error = await rejection(() => checkStreamHandler({ ...base(fixed), seed: 1, numRuns: 1 }));
    expect(error.message).toMatch(new RegExp(`^${join(dir, 'projection', 'broken.json').replace(/[.\/]/g, '\\$&')}: a regression corpus entry must be JSON`));
  });

  it('an unwritable corpus never loses the report: it is thrown with a warning, and nothing half-written is left', async () => {
    writeFileSync(join(dir, 'blocker'), 'a file where the corpus folder would go');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const error = await rejection(() => checkStreamHandler({ ...base(buggy), regressions: join(dir, 'blocker'), seed: 42, numRuns: 100 }));
      expect(error).toBeInstanceOf(ShardcheckFailure);
      const report = (error as ShardcheckFailure).report;
      expect(report.storedAt).toBeUndefined();
      expect(report.storeError).toMatch(/ENOTDIR|EEXIST|ENOENT/);
      expect(error.message).toMatch(/\nwarning: not stored for regression replay: /);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/could not store the counterexample for regression replay/);
    } finally {
      warn.mockRestore();
    }
    const first = await rejection(() => checkStreamHandler({ ...base(buggy), seed: 42, numRuns: 100 }));
    expect((first.report as FailureReport).storedAt).toBeDefined();
    expect(readdirSync(join(dir, 'projection')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is keyed by name, and off with regressions: false', async () => {
    await rejection(() => checkStreamHandler({ ...base(buggy), seed: 42, numRuns: 100 }));
    const other = await checkStreamHandler({ ...base(fixed), name: 'other', seed: 1, numRuns: 1 });
    expect(other.regressionRuns).toBe(0);
    const off = await rejection(() => checkStreamHandler({ ...base(buggy), regressions: false, seed: 42, numRuns: 100 }));
    expect((off.report as FailureReport).storedAt).toBeUndefined();
  });
});
