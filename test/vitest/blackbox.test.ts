import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobSeed } from '../../src/vitest/index.js';

/*
 * Black-box: a user's project run by vitest in a child process, with vitest's default config (no
 * config file: default include, 5 s test timeout, no plugin); then the printed replay line is run
 * as printed, through a shell, and must rerun exactly that counterexample and nothing else.
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));
// Outside the repository, so vitest finds no config file: its defaults apply.
const dir = join(tmpdir(), `shardcheck-blackbox-${process.pid}`);
const vitestBin = `${repo}node_modules/vitest/vitest.mjs`;

const spec = (handler: string, name: string) => `
import { streamTest } from '${repo}src/vitest/index.ts';
import { createProjectionHandler } from '${repo}fixtures/handlers/projection.ts';
import { createDropsRemovesHandler } from '${repo}fixtures/handlers/dropsRemoves.ts';
import { projectionMatchesModel } from '${repo}test/run/support.ts';

const options = {
  createHandler: (deps) => ${handler}(deps.store),
  deps: () => ({ store: new Map() }),
  table: { partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES' },
  // As deployed: the handler reports batchItemFailures. The starting position is left to vary (LATEST included).
  mapping: { functionResponseTypes: ['ReportBatchItemFailures'] },
};
streamTest('${name}', options, projectionMatchesModel);
streamTest('${name} (a second check, with its own corpus)', { ...options, numRuns: 3 }, projectionMatchesModel);
`;

/** The plugin with a campaign seed, and two spec files for \`vitest --shard i/2\` to split. */
const shardConfig = `
import { defineConfig } from 'vitest/config';
import { shardcheck } from '${repo}src/vitest/index.ts';
export default defineConfig({ plugins: [shardcheck({ numRuns: 2, seed: 777, regressions: false, verbose: true })], test: { include: ['shard-*.spec.ts'] } });
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
  suppressHealthChecks: ['vacuous'],
});
`;

const ENV = { NO_COLOR: '1', CI: 'true', SHARDCHECK_SEED: '', SHARDCHECK_REPLAY: '' };

function vitest(args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [vitestBin, 'run', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...ENV, ...env }, timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function shell(line: string) {
  const result = spawnSync('sh', ['-c', line], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...ENV }, timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const replayLine = (output: string): string | undefined => /^replay: (.*)$/m.exec(output)?.[1];

describe('shardcheck/vitest in a user project (child vitest, default config)', () => {
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/package.json`, '{ "type": "module" }\n');
    // The user's own install: vitest and what the spec files import.
    symlinkSync(`${repo}node_modules`, `${dir}/node_modules`);
    writeFileSync(`${dir}/correct.test.ts`, spec('createProjectionHandler', 'projection survives stream faults'));
    writeFileSync(`${dir}/buggy.test.ts`, spec('createDropsRemovesHandler', 'projection survives stream faults'));
    writeFileSync(`${dir}/shard.config.ts`, shardConfig);
    writeFileSync(`${dir}/shard-a.spec.ts`, shardSpec('job test a'));
    writeFileSync(`${dir}/shard-b.spec.ts`, shardSpec('job test b'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the correct handler within the 5 s default timeout; titles carry no seed', () => {
    const { status, output } = vitest(['correct.test.ts', '--reporter=verbose'], { SHARDCHECK_SEED: '4242' });
    expect(output).toMatch(/✓ correct\.test\.ts > projection survives stream faults \d+ms/);
    expect(output).not.toContain('with seed');
    expect(status, output).toBe(0);
  });

  it('fails the buggy handler with the report inside the default timeout; its replay line reruns only that counterexample and prints the same line', () => {
    const first = vitest(['buggy.test.ts', '--reporter=verbose'], { SHARDCHECK_SEED: '4242' });
    expect(first.status).toBe(1);
    expect(first.output).not.toMatch(/Test timed out/);
    const line = replayLine(first.output);
    expect(line, first.output).toMatch(/^SHARDCHECK_REPLAY=1\/[0-9a-f]{8}\/[0-9a-f]{8}\/4242\/[\d:]+\/[A-Za-z0-9,]* npx vitest run buggy\.test\.ts -t '\^projection survives stream faults\$'$/);
    const again = shell(line!);
    expect(again.status, again.output).toBe(1);
    expect(again.output).toMatch(/your invariant failed[^\n]*after 1 run, shrunk 0 times/);
    expect(replayLine(again.output)).toBe(line);
    // Only the one test ran: the second check of the file was filtered out.
    expect(again.output).toMatch(/Tests +1 failed \| 1 skipped/);
    const scenarioOf = (text: string) => text.slice(text.indexOf('\nscenario\n'), text.indexOf('\ntimeline\n'));
    expect(scenarioOf(again.output)).toBe(scenarioOf(first.output));
  });

  it('under vitest --shard i/n each job derives its own seed from the plugin\'s campaign seed', () => {
    const seeds = [1, 2].map((index) => {
      const { status, output } = vitest(['--config', 'shard.config.ts', '--shard', `${index}/2`]);
      expect(status, output).toBe(0);
      const printed = [...output.matchAll(/shardcheck: shard-[ab]\.spec\.ts > job test [ab]: seed (-?\d+) \(plugin\)/g)].map((m) => Number(m[1]));
      expect(printed.length, output).toBeGreaterThan(0);
      expect(new Set(printed).size).toBe(1);
      return printed[0]!;
    });
    expect(seeds).toEqual([jobSeed({ seed: 777, shardIndex: 0, shardCount: 2 }), jobSeed({ seed: 777, shardIndex: 1, shardCount: 2 })]);
    expect(new Set([...seeds, 777]).size).toBe(3);
  });
});
