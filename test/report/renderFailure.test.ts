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
    expect(second).toBe('SHARDCHECK_SEED=1234567 SHARDCHECK_PATH="36:2:0:1" npx vitest run test/projection.test.ts -t "projection survives stream faults"');
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

  it('caps the timeline and says how to see all of it', async () => {
    const lines = renderFailure(await poisonRecordReport(), { maxTimelineLines: 10 }).split('\n');
    const start = lines.indexOf('timeline');
    const timeline = lines.slice(start + 1, lines.indexOf('', start) === -1 ? undefined : lines.indexOf('', start));
    expect(timeline.length).toBeLessThanOrEqual(10);
    expect(timeline.some((l) => /… \d+ more lines \(shardcheck explain \.shardcheck\/regressions\/.*\.json\)/.test(l))).toBe(true);
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
    const text = renderFailure(reportOf(scenario, trace, cause, { testName: NASTY, storedAt: '.shardcheck/a\nb.json' }));
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('"evil\\n\\u001b[2J\\r\\"key\\"\\u202e\\u0085"');
    for (const line of text.split('\n')) expect(line).not.toMatch(/^\[2J|^key|^line/);
  });
});

describe('replay command', () => {
  const sh = (word: string): string => execFileSync('sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' });

  it('falls back to npm test when the test is unknown', () => {
    expect(replayCommand({ seed: -5, path: '1:2' })).toBe('SHARDCHECK_SEED=-5 SHARDCHECK_PATH="1:2" npm test');
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
    const line = replayCommand({ seed: 7, path: '0', testFile: 'test/my file.test.ts', testName: name });
    const args = execFileSync('sh', ['-c', `set -- ${line.replace(/^.*npx vitest run /, '')}; printf '%s\\n' "$@"`], { encoding: 'utf8' }).split('\n');
    expect(args[0]).toBe('test/my file.test.ts');
    expect(args[1]).toBe('-t');
    expect(new RegExp(args[2]!).test(name)).toBe(true);
  });
});
