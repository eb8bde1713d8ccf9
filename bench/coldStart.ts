/*
 * Figure 4: cold start. A fresh `node` that imports shardcheck (the tsc build of src, as
 * `npm run build` makes dist/) and runs one generated scenario through checkStreamHandler,
 * against a fresh `node` that only imports fast-check. Wall time from spawn to exit.
 */
import { BUILD_INDEX, median, runChild, sig, status, type Row } from './support.js';

const TARGET_MS = 300;
const ROUNDS = 5;

const SHARDCHECK = `
import { checkStreamHandler } from ${JSON.stringify(BUILD_INDEX)};
await checkStreamHandler({ createHandler: () => async () => {}, numRuns: 1, seed: 1, regressions: false });
`;
const FAST_CHECK_ONLY = `import fc from 'fast-check'; if (typeof fc.assert !== 'function') process.exit(1);`;

export async function coldStart(buildNote: string): Promise<Row> {
  const shardcheck: number[] = [];
  const fastCheck: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [code, times] of [[SHARDCHECK, shardcheck], [FAST_CHECK_ONLY, fastCheck]] as const) {
      const child = await runChild(code, 30_000);
      if (child.code !== 0) throw new Error(`coldStart: child exited ${child.code}${child.timedOut ? ' (timed out)' : ''}: ${child.stderr}`);
      times.push(child.wallMs);
    }
  }
  const ms = median(shardcheck);
  const baseline = median(fastCheck);
  return {
    figure: 4,
    name: 'cold start (node, built JS)',
    value: `${sig(ms)} ms (fast-check only ${sig(baseline)} ms)`,
    target: '≤ 300 ms',
    ratio: `${sig(ms / baseline, 3)}× fast-check import`,
    status: status(ms <= TARGET_MS),
    note: `spawn→exit of \`node\` importing the ${buildNote} and running checkStreamHandler with numRuns 1, vs importing fast-check; medians of ${ROUNDS}`,
    data: { ms: sig(ms), fastCheckOnlyMs: sig(baseline), ratio: sig(ms / baseline) },
  };
}
