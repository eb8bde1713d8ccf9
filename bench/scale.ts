/*
 * Figure 5: scale. One scenario of 1k … 1M records, each in a fresh `node` on the built JS: the
 * run (resolve, simulate, model, check) timed inside the child, and the child's peak RSS. Linear
 * means each 10× in records costs at most 12× in time.
 */
import { BUILD_INDEX, human, runChild, sig, status, type Row, type Status } from './support.js';

const SIZES = [1_000, 10_000, 100_000, 1_000_000] as const;
const MAX_GROWTH = 12;
const RSS_LIMIT_MB = 1024;
// The biggest size gets what is left of the suite's budget; smaller ones cannot come near it.
const TIMEOUT_MS = { small: 60_000, largest: 75_000 };

// Same workload as bench/support.ts plainWorkload (4 shards, batch 100, no faults), inlined
// because the child runs plain node on JavaScript.
const child = (records: number) => `
import { resolveScenario, simulate, buildModel, check } from ${JSON.stringify(BUILD_INDEX)};
const operations = new Array(${records});
for (let i = 0; i < ${records}; i++) operations[i] = { type: 'put', at: Math.floor(i / 1000), item: { pk: 'k' + (i % 1000), v: i } };
console.log('started');
const start = performance.now();
const scenario = resolveScenario({ table: { partitionKey: 'pk' }, operations, stream: { shardCount: 4 }, mapping: { batchSize: 100 } });
const trace = await simulate(scenario, async () => {});
const verdict = check(trace, buildModel(scenario));
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, events: trace.events.length, valid: verdict.valid, end: trace.events.at(-1).reason }));
`;

export async function scale(): Promise<Row[]> {
  const rows: Row[] = [];
  let previousMs: number | undefined;
  for (const records of SIZES) {
    const largest = records === SIZES.at(-1);
    const timeoutMs = largest ? TIMEOUT_MS.largest : TIMEOUT_MS.small;
    const result = await runChild(child(records), timeoutMs);
    const name = `scale, ${human(records)} records`;
    const target = largest ? '≤ 12× per 10×, ≤ 1 GB RSS' : '≤ 12× per 10×';
    if (result.timedOut || result.code !== 0) {
      const rssMb = result.peakRssKbAtKill === undefined ? undefined : result.peakRssKbAtKill / 1024;
      const why = result.timedOut ? `timed out after ${timeoutMs / 1000} s${rssMb === undefined ? '' : ` (${sig(rssMb)} MB RSS by then)`}` : `child exited ${result.code}: ${result.stderr.trim().split('\n').at(-1)}`;
      // The run had lasted at least from the child's 'started' line to the kill: a lower bound on growth.
      const ranMs = result.timedOut && result.firstOutputMs !== undefined ? result.wallMs - result.firstOutputMs : undefined;
      const growth = ranMs === undefined || previousMs === undefined ? undefined : ranMs / previousMs;
      const ratio = growth === undefined ? '' : `> ${sig(growth, 3)}× time for 10×`;
      rows.push({ figure: 5, name, value: why, target, ratio, status: 'MISS', data: { records, timedOut: result.timedOut, timeoutMs, peakRssMbAtKill: rssMb === undefined ? null : sig(rssMb), growthAtLeast: growth === undefined ? null : sig(growth) } });
      previousMs = undefined;
      continue;
    }
    const run = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { ms: number; maxRssKb: number; events: number; valid: boolean; end: string };
    const rssMb = run.maxRssKb / 1024;
    const growth = previousMs === undefined ? undefined : run.ms / previousMs;
    let verdict: Status = growth === undefined ? '—' : status(growth <= MAX_GROWTH);
    if (largest) verdict = status(verdict !== 'MISS' && rssMb <= RSS_LIMIT_MB);
    rows.push({
      figure: 5,
      name,
      value: `${sig(run.ms)} ms, ${sig(rssMb)} MB peak RSS`,
      target,
      ratio: growth === undefined ? '' : `${sig(growth, 3)}× time for 10×`,
      status: verdict,
      note: `in-child time of resolve+simulate+model+check; maxRSS of the whole child${run.valid && run.end === 'drained' ? '' : ` (run ended ${run.end}, valid=${run.valid})`}`,
      data: { records, ms: sig(run.ms), peakRssMb: sig(rssMb), growth: growth === undefined ? null : sig(growth), traceEvents: run.events },
    });
    previousMs = run.ms;
  }
  return rows;
}
