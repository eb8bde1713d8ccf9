import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INVARIANTS } from '../src/check/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('states the two commands that work on a fresh clone', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });

  it('"What shardcheck checks" lists every built-in invariant with its kind, rules and sentence', () => {
    for (const invariant of INVARIANTS) {
      expect(readme).toContain(`| \`${invariant.name}\` | ${invariant.kind} | ${invariant.rules.join(', ')} | ${invariant.description} |`);
    }
  });
});
