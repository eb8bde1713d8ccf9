/*
 * Figure 7: shrinking. For each buggy fixture (properties/support/fixtureCatalog.ts, with the seed
 * properties/fixtureBugsCaught.test.ts uses), checkStreamHandler runs until
 * it throws the shrunk report. Every run of the campaign calls `deps()` once (runScenario), so
 * wrapping `deps` timestamps each run: the first failing run is run `report.numRuns`, and the
 * shrink time runs from the start of the next call (the first shrink attempt) to the throw, which
 * includes rendering the report.
 */
import { ShardcheckFailure, checkStreamHandler } from '../src/run/index.js';
import { FIXTURE_SEED, FIXTURES, fixtureCheckOptions } from '../properties/support/fixtureCatalog.js';
import { sig, type Row } from './support.js';

// A cap per fixture (fast-check's interruptAfterTimeLimit ends shrinking too), so a slow build
// cannot blow the suite's budget; a capped figure says so.
const CAP_MS = 20_000;

export async function shrinking(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const fixture of FIXTURES) {
    const name = fixture.name;
    const options = { ...fixtureCheckOptions(fixture, fixture.buggy), seed: FIXTURE_SEED };
    const runStarts: number[] = [];
    const deps = options.deps!;
    const start = performance.now();
    let failure: ShardcheckFailure | undefined;
    try {
      await checkStreamHandler({ ...options, timeBudgetMs: CAP_MS, deps: () => (runStarts.push(performance.now()), deps()) });
    } catch (error) {
      if (!(error instanceof ShardcheckFailure)) throw error;
      failure = error;
    }
    const end = performance.now();
    const capped = end - start >= CAP_MS;
    if (failure === undefined) {
      rows.push({ figure: 7, name: `shrink ${name}`, value: `not caught in ${runStarts.length} runs${capped ? ' (capped)' : ''}`, target: '—', ratio: '', status: '—', data: { caught: false, runs: runStarts.length } });
      continue;
    }
    const { numRuns, shrinks, scenario, trace } = failure.report;
    const firstFailure = runStarts[numRuns] ?? end;
    const shrinkMs = end - firstFailure;
    const searchMs = firstFailure - start;
    const faults = scenario.faults;
    const faultCount = (faults?.invocations?.length ?? 0) + (faults?.timed?.length ?? 0) + (faults?.dependencies?.length ?? 0);
    const attempts = runStarts.length - numRuns;
    rows.push({
      figure: 7,
      name: `shrink ${name}`,
      value: `${sig(shrinkMs)} ms → ${trace.records.length} records, ${faultCount} faults`,
      target: '—',
      ratio: '',
      status: '—',
      note: `found at run ${numRuns} after ${sig(searchMs)} ms; ${shrinks} shrink steps in ${attempts} shrink runs; ${scenario.operations.length} operations${capped ? '; CAPPED at 20 s' : ''}`,
      data: { caught: true, shrinkMs: sig(shrinkMs), searchMs: sig(searchMs), runsToFailure: numRuns, shrinkSteps: shrinks, shrinkRuns: attempts, records: trace.records.length, operations: scenario.operations.length, faults: faultCount, capped, cause: failure.report.cause.kind },
    });
  }
  return rows;
}
