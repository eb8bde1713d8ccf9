/*
 * Figure 1: stream records per second through `simulate()` (which builds the stream history and
 * runs the mapping) with a no-op handler, 100-record batches, 4 shards, no faults.
 */
import { simulate } from '../src/mapping/index.js';
import { resolveScenario } from '../src/scenario/index.js';
import { human, plainWorkload, sig, status, timeTask, type Row } from './support.js';

const TARGET = 1_000_000;
// Large enough that fixed costs vanish, small enough for a few samples at today's speed.
const RECORDS = 10_000;

export async function simulatorThroughput(): Promise<Row[]> {
  const rows: Row[] = [];
  const noop = async () => {};
  for (const pf of [1, 10]) {
    // Resolved once outside the timing, as runScenario does before simulating.
    const scenario = resolveScenario(plainWorkload(RECORDS, { parallelizationFactor: pf }));
    const trace = await simulate(scenario, noop);
    const end = trace.events.at(-1);
    if (end?.type !== 'end' || end.reason !== 'drained') throw new Error(`simulatorThroughput: the workload did not drain (${JSON.stringify(end)})`);
    const timing = await timeTask(`simulate PF ${pf}`, () => simulate(scenario, noop), 2500);
    const rate = (RECORDS / timing.medianMs) * 1000;
    rows.push({
      figure: 1,
      name: `simulator, PF ${pf}`,
      value: `${human(rate)} records/s`,
      target: '≥ 1 M records/s',
      ratio: `${sig(rate / TARGET, 2)}× target`,
      status: status(rate >= TARGET),
      note: `simulate() of ${human(RECORDS)} records on 4 shards, batch 100, no faults, no-op handler; median of ${timing.samples}`,
      data: { recordsPerSecond: sig(rate), records: RECORDS, medianMs: sig(timing.medianMs), samples: timing.samples, traceEvents: trace.events.length },
    });
  }
  return rows;
}
