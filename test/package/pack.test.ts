import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * A new user's view: `npm pack` the package, install the tarball into a separate project next to
 * vitest and fast-check, then run their tests (streamTest and checkStreamHandler) and the CLI demo.
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'shardcheck-user-'));
const env = { ...process.env, NO_COLOR: '1', CI: 'true', SHARDCHECK_SEED: '1', SHARDCHECK_PATH: '' };

function sh(command: string, args: readonly string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env, timeout: 240_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the packed package in a separate project', () => {
  beforeAll(() => {
    const packed = sh('npm', ['pack', '--pack-destination', project], repo);
    expect(packed.status, packed.output).toBe(0);
    const tarball = readdirSync(project).find((name) => name.endsWith('.tgz'))!;
    cpSync(join(repo, 'test/package/user-project'), project, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', type: 'module', private: true }));
    const installed = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${tarball}`, 'vitest@4.1.12', 'fast-check@4.10.2'], project);
    expect(installed.status, installed.output).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('runs a streamTest and a checkStreamHandler test with the vitest plugin', () => {
    const run = sh(process.execPath, [join(project, 'node_modules/vitest/vitest.mjs'), 'run'], project);
    expect(run.output).toContain('projection (streamTest)');
    expect(run.output).not.toContain('with seed');
    expect(run.output).toMatch(/Tests +2 passed/);
    expect(run.status, run.output).toBe(0);
  });

  it('runs `npx shardcheck demo`', () => {
    const demo = sh('npx', ['shardcheck', 'demo'], project);
    expect(demo.status, demo.output).toBe(0);
    expect(demo.output).toMatch(/^PASS 100 generated scenarios/m);
  });
});
