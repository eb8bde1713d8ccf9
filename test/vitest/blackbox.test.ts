import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobSeed } from '../../src/vitest/index.js';

/*
 * Black-box: a user's project with the plugin and two `streamTest`s, run by vitest in a child
 * process; then the printed replay line is run as printed and must reproduce the minimal failure.
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dir = `${repo}.blackbox/vitest-${process.pid}`;
const vitestBin = `${repo}node_modules/vitest/vitest.mjs`;

const config = `
import { defineConfig } from 'vitest/config';
import { shardcheck } from '${repo}src/vitest/index.ts';
export default defineConfig({ plugins: [shardcheck({ numRuns: 25, regressions: false })], test: { include: ['*.spec.ts'], testTimeout: 60000 } });
`;

const spec = (handler: string) => `
import { streamTest } from '${repo}src/vitest/index.ts';
import { createProjectionHandler } from '${repo}fixtures/handlers/projection.ts';
import { createDropsRemovesHandler } from '${repo}fixtures/handlers/dropsRemoves.ts';
import { projectionMatchesModel } from '${repo}test/run/support.ts';

streamTest(
  'projection survives stream faults',
  {
    createHandler: (deps) => ${handler}(deps.store),
    deps: () => ({ store: new Map() }),
    table: { partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES' },
    mapping: { startingPosition: 'TRIM_HORIZON', functionResponseTypes: ['ReportBatchItemFailures'] },
  },
  projectionMatchesModel,
);
`;

/** A campaign seed in the config, and two spec files for `vitest --shard i/2` to split. */
const shardConfig = `
import { defineConfig } from 'vitest/config';
import { shardcheck } from '${repo}src/vitest/index.ts';
export default defineConfig({ plugins: [shardcheck({ numRuns: 2, seed: 777, regressions: false })], test: { include: ['shard-*.spec.ts'], testTimeout: 60000 } });
`;

const shardSpec = (name: string) => `
import { streamTest } from '${repo}src/vitest/index.ts';
import { createProjectionHandler } from '${repo}fixtures/handlers/projection.ts';
streamTest('${name}', {
  createHandler: (deps) => createProjectionHandler(deps.store),
  deps: () => ({ store: new Map() }),
  table: { partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES' },
  mapping: { functionResponseTypes: ['ReportBatchItemFailures'] },
  scenario: { operations: { maxLength: 5 } },
});
`;

function vitest(args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [vitestBin, 'run', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env, NO_COLOR: '1', CI: 'true', SHARDCHECK_SEED: env.SHARDCHECK_SEED ?? '', SHARDCHECK_PATH: env.SHARDCHECK_PATH ?? '' },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('shardcheck/vitest in a user project (child vitest)', () => {
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/vitest.config.ts`, config);
    writeFileSync(`${dir}/correct.spec.ts`, spec('createProjectionHandler'));
    writeFileSync(`${dir}/buggy.spec.ts`, spec('createDropsRemovesHandler'));
    writeFileSync(`${dir}/shard.config.ts`, shardConfig);
    writeFileSync(`${dir}/shard-a.spec.ts`, shardSpec('job test a'));
    writeFileSync(`${dir}/shard-b.spec.ts`, shardSpec('job test b'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the correct handler, with the seed in the test title', () => {
    const { status, output } = vitest(['correct.spec.ts'], { SHARDCHECK_SEED: '4242' });
    expect(output).toContain('projection survives stream faults (with seed=4242)');
    expect(status).toBe(0);
  });

  it('fails the buggy handler with a replay line that reproduces the minimal failure in one run', () => {
    const first = vitest(['buggy.spec.ts'], { SHARDCHECK_SEED: '4242' });
    expect(first.status).toBe(1);
    const line = /^SHARDCHECK_SEED=.* npx vitest run .*$/m.exec(first.output)?.[0];
    expect(line, first.output).toMatch(/^SHARDCHECK_SEED=4242 SHARDCHECK_PATH="[\d:]+" npx vitest run buggy\.spec\.ts -t "/);
    // Run the printed line as printed, through a shell.
    const replayed = spawnSync('sh', ['-c', line!], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' }, timeout: 120_000 });
    const again = { status: replayed.status, output: `${replayed.stdout}${replayed.stderr}` };
    expect(again.status, again.output).toBe(1);
    expect(again.output).toMatch(/your invariant failed[^\n]*after 1 runs?/);
    const scenarioOf = (text: string) => text.slice(text.indexOf('scenario\n'), text.indexOf('timeline\n'));
    expect(scenarioOf(again.output)).toBe(scenarioOf(first.output));
  });

  it('under vitest --shard i/n each job runs its tests on its own seed derived from the campaign seed', () => {
    const seeds = [1, 2].map((index) => {
      const { status, output } = vitest(['--config', 'shard.config.ts', '--reporter=verbose', '--shard', `${index}/2`]);
      expect(status, output).toBe(0);
      const titled = [...output.matchAll(/job test [ab] \(with seed=(-?\d+)\)/g)].map((m) => Number(m[1]));
      expect(titled.length, output).toBeGreaterThan(0);
      expect(new Set(titled).size).toBe(1);
      return titled[0]!;
    });
    expect(seeds).toEqual([jobSeed({ seed: 777, shardIndex: 0, shardCount: 2 }), jobSeed({ seed: 777, shardIndex: 1, shardCount: 2 })]);
    expect(new Set([...seeds, 777]).size).toBe(3);
  });
});
