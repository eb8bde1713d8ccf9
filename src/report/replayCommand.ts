import type { FailureReport } from './failureReport.js';

const SHELL_PLAIN = /^[A-Za-z0-9_./:@%+=,-]+$/;
const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|]/g;

/** A word a POSIX shell reads back as `value`: as is when plain, single-quoted otherwise. */
export function shellWord(value: string): string {
  if (SHELL_PLAIN.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A double-quoted shell word when that is safe (no `!`, which interactive shells expand), with
 * `\`, `"`, `$` and backquote escaped; a single-quoted one otherwise.
 */
export function shellQuoted(value: string): string {
  if (value.includes('!')) return `'${value.replace(/'/g, `'\\''`)}'`;
  return `"${value.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

/**
 * `vitest -t` takes a regular expression: the test name with its metacharacters escaped and
 * control characters written as `\uXXXX` escapes, so the pattern matches exactly that name and
 * is printable.
 */
export function testNamePattern(name: string): string {
  return name
    .replace(REGEX_SPECIAL, (c) => `\\${c}`)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The report's line 2 without its `replay: ` label: a command for a POSIX shell that reruns exactly
 * this counterexample and nothing else — the one test (`-t` anchored to its full name) with
 * `SHARDCHECK_REPLAY`, or the same script outside a test runner.
 */
export function replayCommand(report: Pick<FailureReport, 'seed' | 'path' | 'replay'>): string {
  const replay = report.replay;
  if (replay === undefined) return `seed ${report.seed}, path ${report.path} (pass both to checkStreamHandler as seed and path)`;
  const env = replay.token === undefined ? '' : `SHARDCHECK_REPLAY=${shellWord(replay.token)} `;
  if (replay.test !== undefined) {
    const { runner, file, names } = replay.test;
    const fileArg = file === undefined ? '' : ` ${shellWord(file)}`;
    const pattern = ` -t ${shellWord(`^${testNamePattern(names.join(' '))}$`)}`;
    return runner === 'jest' ? `${env}npx jest${fileArg}${pattern}` : `${env}npx vitest run${fileArg}${pattern}`;
  }
  if (replay.script !== undefined && replay.script.argv.length > 0) {
    return `${env}node ${[...replay.script.execArgv, ...replay.script.argv].map(shellWord).join(' ')}`;
  }
  return `${env}<the same checkStreamHandler call>`.trimStart();
}
