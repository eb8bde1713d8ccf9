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
 * Line 2 of the report, pasteable into a POSIX shell:
 * `SHARDCHECK_SEED=42 SHARDCHECK_PATH="3:1" npx vitest run test/x.test.ts -t "name"`, or
 * `… npm test` when the test is not known.
 */
export function replayCommand(report: Pick<FailureReport, 'seed' | 'path' | 'testFile' | 'testName'>): string {
  const env = `SHARDCHECK_SEED=${shellWord(String(report.seed))} SHARDCHECK_PATH=${shellQuoted(report.path)}`;
  if (report.testFile === undefined && report.testName === undefined) return `${env} npm test`;
  const file = report.testFile === undefined ? '' : ` ${shellWord(report.testFile)}`;
  const name = report.testName === undefined ? '' : ` -t ${shellQuoted(testNamePattern(report.testName))}`;
  return `${env} npx vitest run${file}${name}`;
}
