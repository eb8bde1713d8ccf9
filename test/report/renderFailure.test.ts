import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COVERAGE_ITEMS, CoverageTally } from '../../src/coverage/index.js';
import { simulate } from '../../src/mapping/index.js';
import { replayCommand, renderFailure, shellQuoted, testNamePattern } from '../../src/report/index.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';
import { lostUpdateReport, poisonRecordReport, reportOf } from './reports.js';

// Anything that could move the cursor, break a line or reorder text on a terminal.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('renderFailure', () => {
  it('line 1 names the invariant and its kind, line 2 is the replay command', async () => {
    const [first, second, third] = renderFailure(await poisonRecordReport()).split('\n');
    expect(first).toBe('shardcheck: progress-after-faults violated (liveness, R32) after 37 runs, shrunk 12 times');
    expect(second).toBe("replay: SHARDCHECK_REPLAY=1/0a1b2c3d/4e5f6a7b/1234567/36:2:0:1/ npx vitest run test/projection.test.ts -t '^projection survives stream faults$'");
    expect(third).toBe('stored for regression replay: .shardcheck/regressions/projection-survives-stream-faults-1234567.json');
  });

  it('names the user invariant error in line 1', async () => {
    expect(renderFailure(await lostUpdateReport()).split('\n')[0]).toBe(
      'shardcheck: your invariant failed: AssertionError: projection differs from the table: (after 1 run, shrunk 3 times)',
    );
  });

  it('uses colour only when asked: red headline, no ANSI at all otherwise', async () => {
    const report = await poisonRecordReport();
    expect(renderFailure(report)).not.toContain('\u001b');
    const colored = renderFailure(report, { color: true });
    expect(colored.startsWith('\u001b[31mshardcheck: progress-after-faults')).toBe(true);
    expect(colored.split('\n')[1]).not.toContain('\u001b');
  });

  it('caps the timeline and names the command that shows all of it, only when the trace was written', async () => {
    const timelineOf = (text: string) => {
      const lines = text.split('\n');
      const start = lines.indexOf('timeline');
      return lines.slice(start + 1, lines.indexOf('', start) === -1 ? undefined : lines.indexOf('', start));
    };
    const report = await poisonRecordReport();
    const written = timelineOf(renderFailure({ ...report, traceFile: '.shardcheck/x/ab.trace.json' }, { maxTimelineLines: 10 }));
    expect(written.length).toBeLessThanOrEqual(10);
    expect(written).toContainEqual(expect.stringMatching(/… \d+ more lines \(all of them: npx shardcheck explain \.shardcheck\/regressions\/.*\.json\)$/));
    const unwritten = timelineOf(renderFailure(report, { maxTimelineLines: 10 }));
    expect(unwritten).toContainEqual(expect.stringMatching(/^ {2}… \d+ more lines$/));
  });

  it('an assertion error keeps its expected and actual values', async () => {
    const report = await lostUpdateReport();
    const cause = { kind: 'user-invariant', error: { name: 'AssertionError', message: 'expected Map{…(2)} to deeply equal Map{…(2)}', expected: new Map([['a', { n: 1 }]]), actual: new Map([['a', { n: 2 }]]), hasDiff: true } } as const;
    const text = renderFailure({ ...report, cause });
    expect(text).toContain("    expected:\n      Map(1) { 'a' => { n: 1 } }\n    actual:\n      Map(1) { 'a' => { n: 2 } }");
  });

  it('says when shrinking was cut short, when the counterexample is flaky and which unpinned setting it needs', async () => {
    const report = await lostUpdateReport();
    const text = renderFailure({
      ...report,
      shrinkStopped: { steps: 41, elapsedMs: 4200 },
      flaky: { rerun: 'passed' },
      dependsOn: [{ field: 'functionResponseTypes', value: ['ReportBatchItemFailures'], awsDefault: [] }],
      logs: [{ dispatch: 2, source: 'log', text: 'processing 3 records' }, { dispatch: 2, source: 'error', text: 'boom' }],
    });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^shardcheck: flaky: your invariant failed: .* — needs mapping\.functionResponseTypes = \["ReportBatchItemFailures"\], which you did not pin \(generated\)$/);
    expect(lines[1]).toMatch(/^replay: /);
    expect(lines[2]).toBe('shrinking stopped after 41 steps, 4.2 s (time budget): this is the smallest counterexample found in time');
    expect(lines[3]).toMatch(/^flaky: the same scenario passed when run again/);
    expect(text).toContain('settings you did not pin\n  this failure needs mapping.functionResponseTypes = ["ReportBatchItemFailures"], which shardcheck generated; with AWS\'s default ([]) it passes.');
    expect(text).toContain('pin the mapping as deployed: mapping: { functionResponseTypes: [] }');
    expect(text).toContain('handler output (2 lines in 1 invocation of this run)\n  #2 processing 3 records\n  #2 error: boom');
  });

  it('renders the campaign coverage when given', async () => {
    const report = await lostUpdateReport();
    const tally = new CoverageTally();
    tally.add(report.trace);
    const text = renderFailure({ ...report, coverage: tally.summary() });
    expect(text).toMatch(new RegExp(`\\ncoverage over 1 run: \\d+ of ${COVERAGE_ITEMS.length} items reached\\n`));
    expect(text).toContain('never reached: bisect-to-single-record');
    expect(renderFailure(report)).not.toContain('coverage over');
  });
});

describe('escaping user data', () => {
  const NASTY = 'evil\n\u001b[2J\r"key"\u202e\u0085';
  const scenario: ScenarioParameters = {
    table: { partitionKey: 'pk' },
    operations: [{ type: 'put', at: 0, item: { pk: NASTY, note: 'x' } }],
    stream: { sequenceStart: '10000000000000000000000' },
    simSeed: 3,
  };

  it('a nasty item key and error message cannot break the layout', async () => {
    const trace = await simulate(scenario, async () => {
      throw new Error('bad\nline\u001b[31m');
    }, {});
    const cause = { kind: 'user-invariant', error: { name: 'Err\u001bor', message: `first ${NASTY}\nsecond` } } as const;
    const text = renderFailure(reportOf(scenario, trace, cause, { replay: { token: undefined, test: { runner: 'vitest', file: undefined, names: [NASTY] } }, storedAt: '.shardcheck/a\nb.json' }));
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('"evil\\n\\u001b[2J\\r\\"key\\"\\u202e\\u0085"');
    for (const line of text.split('\n')) expect(line).not.toMatch(/^\[2J|^key|^line/);
  });
});

describe('replay command', () => {
  const sh = (word: string): string => execFileSync('sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' });

  it('names the seed and path when nothing else is known', () => {
    expect(replayCommand({ seed: -5, path: '1:2' })).toBe('seed -5, path 1:2 (pass both to checkStreamHandler as seed and path)');
  });

  it('reruns one vitest test, anchored, with SHARDCHECK_REPLAY', () => {
    const token = '1/0a1b2c3d/4e5f6a7b/-5/1:2/o3,f1';
    expect(replayCommand({ seed: -5, path: '1:2', replay: { token, test: { runner: 'vitest', file: 'test/a.test.ts', names: ['suite', 'keeps order'] } } })).toBe(
      "SHARDCHECK_REPLAY=1/0a1b2c3d/4e5f6a7b/-5/1:2/o3,f1 npx vitest run test/a.test.ts -t '^suite keeps order$'",
    );
    expect(replayCommand({ seed: -5, path: '1:2', replay: { token, test: { runner: 'jest', file: 'a.test.js', names: ['x'] } } })).toBe("SHARDCHECK_REPLAY=1/0a1b2c3d/4e5f6a7b/-5/1:2/o3,f1 npx jest a.test.js -t '^x$'");
  });

  it('a stored regression is rerun by the test alone (it replays first)', () => {
    expect(replayCommand({ seed: 1, path: '0', replay: { token: undefined, test: { runner: 'vitest', file: 'a.test.ts', names: ['x'] } } })).toBe("npx vitest run a.test.ts -t '^x$'");
  });

  it('outside a test runner reruns the same script with the same node flags', () => {
    const line = replayCommand({ seed: 1, path: '0', replay: { token: '1/0a1b2c3d/4e5f6a7b/1/0/', script: { execArgv: ['--import', 'tsx'], argv: ['check orders.ts', '--fast'] } } });
    expect(line).toBe("SHARDCHECK_REPLAY=1/0a1b2c3d/4e5f6a7b/1/0/ node --import tsx 'check orders.ts' --fast");
  });

  it('quotes test names so a POSIX shell reads back the exact pattern', () => {
    for (const name of ['plain name', 'costs $HOME `id` "x" \\ y', "it's!", 'a.b*c (d) [e] {f} ^g|h+i?']) {
      expect(sh(shellQuoted(name))).toBe(name);
    }
  });

  it('escapes regex metacharacters and control characters in the -t pattern', () => {
    for (const name of ['a.b*c (d) [e]', 'line\nbreak\u001b', "quote ' and \" and $x"]) {
      const pattern = testNamePattern(name);
      expect(pattern).not.toMatch(CONTROL);
      expect(new RegExp(`^${pattern}$`).test(name)).toBe(true);
    }
  });

  it('the -t argument of the printed command reads back as the escaped pattern', () => {
    const name = "survives $faults (v2) `x` it's!";
    const line = replayCommand({ seed: 7, path: '0', replay: { token: '1/0a1b2c3d/4e5f6a7b/7/0/', test: { runner: 'vitest', file: 'test/my file.test.ts', names: [name] } } });
    const args = execFileSync('sh', ['-c', `set -- ${line.replace(/^.*npx vitest run /, '')}; printf '%s\\n' "$@"`], { encoding: 'utf8' }).split('\n');
    expect(args[0]).toBe('test/my file.test.ts');
    expect(args[1]).toBe('-t');
    expect(new RegExp(args[2]!).test(name)).toBe(true);
    expect(new RegExp(args[2]!).test(`${name} and more`)).toBe(false);
  });
});
