import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('shardcheck CLI', () => {
  it('demo runs the built-in scenario, prints summary and timeline, and passes', async () => {
    const { code, stdout, stderr } = await run(['demo']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^summary {6}drained at /m);
    expect(stdout).toContain('faults       restart 1, throttle 1, timeout 1');
    expect(stdout).toMatch(/^ {2}shard 0 {2}shardId-\S+ {2}\+0\.000s – \+\d+\.\d{3}s {2}children 2, 3 /m);
    expect(stdout).toContain('  → NOT_INVOKED TooManyRequestsException: Rate Exceeded. (fault throttle)');
    expect(stdout).toContain('→ FUNCTION_ERROR Sandbox.Timedout: Task timed out after 3.00 seconds (fault timeout)');
    expect(stdout).toMatch(/REMOVE {2}seq \d+ {2}user#2\|session\n/);
    expect(stdout).toMatch(/^PASS projection matches the table's final state \(\d+ items\)$/m);
  });

  it('demo part 2 finds the lost-update bug, shrinks it to two records across a digit boundary, and passes the fix', async () => {
    const { code, stdout } = await run(['demo']);
    expect(code).toBe(0);
    const report = stdout.slice(stdout.indexOf('Part 2'));
    expect(report).toMatch(/^shardcheck: your invariant failed: Error: the projection differs from the table in 1 item\(s\)/m);
    expect(report).toMatch(/^replay: SHARDCHECK_REPLAY=1\/[0-9a-f]{8}\/[0-9a-f]{8}\/2026\/[\d:]+\/\S* /m);
    const records = [...report.matchAll(/^ {4}@\d+ +shard \d+ +\S+ +(INSERT|MODIFY|REMOVE) +seq (\d+)/gm)].map((m) => m[2]!);
    expect(records).toHaveLength(2);
    expect(records[1]!.length).toBe(records[0]!.length + 1);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^PASS 100 generated scenarios \(seed 2026\); \d+ of \d+ coverage items reached$/);
  });

  it('runs demo when no command is given, deterministically', async () => {
    const first = await run([]);
    expect(first.code).toBe(0);
    expect((await run(['demo'])).stdout).toBe(first.stdout);
  });

  it.each([['--help'], ['-h'], ['help'], ['demo', '--help']])('%s prints usage', async (...argv) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: shardcheck \[command\]/);
    expect(stdout).toContain('  demo ');
  });

  it('rejects an unknown command with usage on stderr and exit code 2', async () => {
    const { code, stdout, stderr } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^shardcheck: unknown command "frobnicate"\n\nUsage: shardcheck/);
  });

  it('rejects arguments to demo', async () => {
    const { code, stderr } = await run(['demo', '--seed', '3']);
    expect(code).toBe(2);
    expect(stderr).toContain('demo takes no arguments (got "--seed" "3")');
  });

  it('bin/shardcheck.js runs the TypeScript CLI through tsx and sets the exit code', () => {
    const demo = spawnSync(process.execPath, ['bin/shardcheck.js', 'demo'], { cwd: ROOT, encoding: 'utf8' });
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    expect(demo.stdout).toMatch(/\nPASS projection matches/);
    const unknown = spawnSync(process.execPath, ['bin/shardcheck.js', 'nope'], { cwd: ROOT, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "nope"');
  });

  it('tsx src/cli/main.ts runs main when started directly', () => {
    const help = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: shardcheck/);
  });
});
