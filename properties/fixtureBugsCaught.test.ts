import { describe, expect, it } from 'vitest';
import type { InvariantName } from '../src/check/index.js';
import type { FailureReport } from '../src/report/index.js';
import { checkStreamHandler, ShardcheckFailure } from '../src/run/index.js';
import { LONG, TIMEOUT_MS } from './support/campaign.js';
import { FIXTURE_SEED, FIXTURES, fixtureCheckOptions, type Fixture } from './support/fixtureCatalog.js';

/*
 * The buggy example handlers of fixtures/handlers (table in fixtures/README.md, catalog in
 * support/fixtureCatalog.ts): each is caught by checkStreamHandler with default settings within
 * its default 100 runs, and the check that catches it is named. Only the deployment is fixed: the
 * table, the starting position and ReportBatchItemFailures for handlers that return
 * batchItemFailures. No scenario narrowing, every fault kind; CI uses a fixed seed,
 * SHARDCHECK_LONG=1 a fresh one (printed on failure). The fixed twins: fixedTwinsPass.test.ts.
 */

/** Runs the default campaign (100 runs) and returns the failure's report. */
async function caught(f: Fixture): Promise<FailureReport> {
  try {
    await checkStreamHandler({ ...fixtureCheckOptions(f, f.buggy), ...(LONG ? {} : { seed: FIXTURE_SEED }) });
  } catch (error) {
    expect(error).toBeInstanceOf(ShardcheckFailure);
    return (error as ShardcheckFailure).report;
  }
  throw new Error(`the buggy ${f.name} passed 100 runs`);
}

const builtInNames = (report: FailureReport): InvariantName[] => (report.cause.kind === 'verdict' ? report.cause.verdict.anomalies.map((a) => a.invariant) : []);

describe('fixture handlers: every bug is caught with default settings within the default run count', () => {
  for (const f of FIXTURES) {
    it(`${f.name}: caught by ${f.caughtBy === 'user' ? 'the user invariant' : `the built-in ${f.caughtBy}`}`, async () => {
      const report = await caught(f);
      if (f.caughtBy === 'user') expect(report.cause.kind).toBe('user-invariant');
      else expect(builtInNames(report)).toContain(f.caughtBy);
    }, TIMEOUT_MS);
  }
});
