import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderFailure, type FailureReport, type RenderOptions } from '../../src/report/index.js';
import { lostUpdateReport, phantomItemIdentifierReport, poisonRecordReport } from './reports.js';

/*
 * Golden files: the report of a few real failures, byte for byte. After a deliberate change to
 * the report, rewrite them with `UPDATE_GOLDEN=1 npx vitest run test/report` and review the diff.
 */

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const CASES: readonly { name: string; report: () => Promise<FailureReport>; options: RenderOptions }[] = [
  { name: 'poison-record', report: poisonRecordReport, options: { maxTimelineLines: 30 } },
  { name: 'phantom-item-identifier', report: phantomItemIdentifierReport, options: {} },
  { name: 'lost-update', report: lostUpdateReport, options: {} },
];

describe('failure report golden files', () => {
  for (const { name, report, options } of CASES) {
    it(`${name}.txt`, async () => {
      const text = renderFailure(await report(), options);
      const file = join(DIR, `${name}.txt`);
      if (UPDATE) writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});
