import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/usage.js';
import { DEFAULT_SEMANTICS, DEFAULT_TIMING } from '../../src/index.js';

/*
 * docs/rules.md is where users look up the rule ids that reports, errors, invariant descriptions
 * and the README cite; docs/glossary.md defines the words. Both ship with the package.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const rules = read('docs/rules.md');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

/** `R12`, `I3`, and each id of a range such as `R56-R61` or `R62–R64`. */
function citedIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const m of text.matchAll(/\b([RI])(\d+)(?:\s*[-–]\s*[RI]?(\d+))?\b/g)) {
    const last = m[3] === undefined ? Number(m[2]) : Number(m[3]);
    for (let n = Number(m[2]); n <= last; n++) ids.add(`${m[1]}${n}`);
  }
  return ids;
}

const headings = new Map([...rules.matchAll(/^### ([RI]\d+) — (.+)$/gm)].map((m) => [m[1]!, m[2]!]));

describe('docs/rules.md', () => {
  it('has one heading for each of R1..R65 and I1..I6, in order', () => {
    const expected = [...Array.from({ length: 65 }, (_, i) => `R${i + 1}`), ...Array.from({ length: 6 }, (_, i) => `I${i + 1}`)];
    expect([...rules.matchAll(/^### ([RI]\d+) — /gm)].map((m) => m[1])).toEqual(expected);
  });

  it('explains every rule id cited in src, the README, examples and fixtures', () => {
    const sources = [...files('src', /\.ts$/), ...files('examples', /\.(ts|md)$/), ...files('fixtures', /\.(ts|md)$/), 'README.md'];
    const missing: string[] = [];
    for (const file of sources) {
      for (const id of citedIds(read(file).replace(/\b(?:DynamoDB|Kinesis)[RI]\d+\b/g, ''))) {
        if (!headings.has(id)) missing.push(`${id} (${relative(ROOT, join(ROOT, file))})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('finds rule ids in ranges, so a citation of R56-R61 needs all six headings', () => {
    expect([...citedIds('event filtering (R56-R61), metrics (R62–R64), R7, I3')]).toEqual(['R56', 'R57', 'R58', 'R59', 'R60', 'R61', 'R62', 'R63', 'R64', 'R7', 'I3']);
  });

  it('lists every semantics and timing knob with its default', () => {
    const table = rules.slice(rules.indexOf('## Knobs'));
    for (const [name, value] of Object.entries(DEFAULT_SEMANTICS)) {
      expect(table).toContain(`| \`semantics.${name}\` | \`${typeof value === 'string' ? `'${value}'` : String(value)}\` |`);
    }
    for (const [name, value] of Object.entries(DEFAULT_TIMING)) {
      const row = table.split('\n').find((line) => line.includes(`\`timing.${name}\``));
      expect(row, `timing.${name}`).toBeDefined();
      const cells = row!.split('|').map((cell) => cell.trim());
      const position = cells[1]!.split(',').findIndex((knob) => knob.includes(`timing.${name}\``));
      // "500, 30,000": values are separated by a comma and a space, thousands by a bare comma.
      const numbers = cells[2]!.split(/,\s+/).map((n) => Number(n.replace(/,/g, '')));
      expect(numbers[position], `timing.${name}`).toBe(value);
    }
  });

  it('links only to files and headings that exist', () => {
    for (const doc of readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)) {
      const text = read(doc);
      for (const m of text.matchAll(/\]\(([^)#\s]*)(?:#([^)\s]+))?\)/g)) {
        const [, file, anchor] = m;
        if (file!.startsWith('http')) continue;
        const target = file === '' ? doc : join('docs', file!);
        expect(() => statSync(join(ROOT, target)), `${doc} → ${target}`).not.toThrow();
        if (anchor !== undefined) expect(anchorsOf(read(target)), `${doc} → ${target}#${anchor}`).toContain(anchor);
      }
    }
  });
});

describe('user-visible text', () => {
  it('points to docs/rules.md, never to documents users do not have', () => {
    const docs = Object.fromEntries(readdirSync(join(ROOT, 'docs')).map((name) => [`docs/${name}`, read(`docs/${name}`)]));
    const texts = { 'README.md': read('README.md'), 'examples/README.md': read('examples/README.md'), ...docs, 'shardcheck --help': USAGE };
    for (const [where, text] of Object.entries(texts)) {
      expect(text, where).not.toMatch(/DESIGN(\.md)? ?§|esm-rules|rules spec|\bspec Part\b|shared\/spec/);
    }
    expect(read('README.md')).toContain('docs/rules.md');
    expect(USAGE).toContain('docs/rules.md');
  });
});

/** GitHub-style heading anchors. */
function anchorsOf(markdown: string): string[] {
  return [...markdown.matchAll(/^#+ (.+)$/gm)].map((m) =>
    m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N} -]/gu, '')
      .replace(/ /g, '-'),
  );
}
