/*
 * Figure 2: generated 100-operation scenarios per second, end to end as checkStreamHandler runs
 * each one (runScenario: fresh deps, simulate with default faults, model, every built-in check),
 * generation included, with a no-op handler. Node runs it on one core.
 */
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { qualifyCheckOptions, runScenario } from '../src/run/index.js';
import { ROOT, human, sig, status, timeTask, type Row } from './support.js';

const TARGET = 1000;

export async function propertyThroughput(): Promise<Row> {
  const options = qualifyCheckOptions({ createHandler: () => async () => {}, regressions: false, scenario: { operations: { minLength: 100, maxLength: 100 } } }, ROOT);
  const random = new fc.Random(xoroshiro128plus(20261126));
  let runs = 0;
  let records = 0;
  let failures = 0;
  const timing = await timeTask('generate + runScenario', async () => {
    const outcome = await runScenario(options, options.arbitrary.generate(random, undefined).value);
    runs++;
    records += outcome.trace.records.length;
    if (outcome.failure !== undefined) failures++;
  }, 4000);
  // Generation alone, to show its share.
  const generation = await timeTask('generate', () => options.arbitrary.generate(random, undefined).value, 500);
  // Scenarios differ in size and faults, so the rate a campaign sees is the mean, not the median.
  const rate = 1000 / timing.meanMs;
  return {
    figure: 2,
    name: 'property runs (100-op scenarios)',
    value: `${human(rate)} scenarios/s`,
    target: '≥ 1,000 scenarios/s',
    ratio: `${sig(rate / TARGET, 2)}× target`,
    status: status(rate >= TARGET),
    note: `generate + runScenario, default faults, all checks, no-op handler; mean of ${timing.samples}; ${sig(records / runs)} records/scenario on average; generation alone ${sig(generation.medianMs)} ms${failures > 0 ? `; ${failures} runs failed a check (a harness bug)` : ''}`,
    data: { scenariosPerSecond: sig(rate), meanMs: sig(timing.meanMs), samples: timing.samples, meanRecords: sig(records / runs), generationMedianMs: sig(generation.medianMs), failedRuns: failures },
  };
}
