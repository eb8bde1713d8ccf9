import { readFileSync, readdirSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * Enforces DESIGN.md §3: a module imports only from lower levels, only `src/vitest` imports vitest,
 * and nothing below `src/run` touches real time or ambient randomness, so one seed reproduces a run.
 */

const LEVEL_1 = ['core', 'table', 'stream', 'faults', 'trace'];
// `scenario` holds the resolved input types and their validation: above level 1, whose data it
// composes, and below the level-2 simulator and model, which both consume it.
const BELOW_MAPPING = [...LEVEL_1, 'scenario'];
const BELOW_RUN = [...BELOW_MAPPING, 'mapping', 'model', 'check', 'coverage', 'arbitraries', 'report'];

/** Module → modules it may import (besides itself). `index` is `src/index.ts`. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  table: ['core'],
  stream: ['core', 'table'],
  faults: ['core'],
  trace: ['core'],
  scenario: ['core', 'table', 'stream', 'faults'],
  mapping: BELOW_MAPPING,
  model: BELOW_MAPPING, // never mapping: the model must not restate the simulator
  check: ['model', 'trace', 'core', 'scenario', 'table', 'stream', 'faults'], // never mapping
  coverage: ['trace', 'core'], // reads only traces, like check
  arbitraries: ['core', 'table', 'stream', 'faults', 'scenario', 'trace'],
  report: ['check', 'coverage', 'trace', 'core', 'scenario', 'model', 'table', 'stream', 'faults'],
  // Level 5 beside run: reads the user's deployment files for it.
  deploy: ['core', 'table', 'scenario'],
  run: [...BELOW_RUN, 'deploy'],
  vitest: [...BELOW_RUN, 'run', 'deploy'],
  cli: [...BELOW_RUN, 'run', 'deploy'],
  index: [...BELOW_RUN, 'run', 'deploy'],
};

/** Modules allowed to use real time and ambient randomness. */
const REAL_TIME_MODULES = ['run', 'vitest', 'cli'];
/** The isolated real-time guard for handlers that never settle. */
const REAL_TIME_FILES = ['src/mapping/realTime.ts'];
/** The places that import code by a path known only at run time: user modules and the user's tsx (`shardcheck replay`). */
const USER_CODE_LOADERS = ['src/cli/loadExport.ts', 'src/cli/registerTypeScript.ts'];

const BANNED: readonly { name: string; pattern: RegExp }[] = [
  { name: 'Math.random', pattern: /\bMath\s*\.\s*random\b/g },
  { name: 'Date.now', pattern: /\bDate\s*\.\s*now\b/g },
  { name: 'performance.now', pattern: /\bperformance\s*\.\s*now\b/g },
  { name: 'process.hrtime', pattern: /\bprocess\s*\.\s*hrtime\b/g },
  // `new Date()` and `new Date` read the clock; `new Date(epochMs)` does not.
  { name: 'new Date()', pattern: /\bnew\s+Date\b(?:\s*\(\s*\)|(?!\s*\())/g },
  { name: 'setTimeout', pattern: /\bsetTimeout\b/g },
  { name: 'setInterval', pattern: /\bsetInterval\b/g },
  { name: 'setImmediate', pattern: /\bsetImmediate\b/g },
];
const TIMER_MODULES = /^(node:)?timers(\/promises)?$/;

interface Violation {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

interface Views {
  /** Comments blanked; strings kept (import specifiers live in strings). */
  readonly withStrings: string;
  /** Comments, string, template and regex contents blanked; code kept. Same length and lines. */
  readonly code: string;
}

const REGEX_AFTER = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const REGEX_AFTER_WORD = /(?<![\w$])(return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

/**
 * A small lexer, enough for TypeScript sources: it tells comments, strings, template literals
 * (with nested `${}` code) and regex literals apart, so names in TSDoc or in messages never count.
 */
function lex(source: string): Views {
  // UTF-16 units, so indices match `source.slice` in `importsOf`.
  const keep = source.split('');
  const code = source.split('');
  const blank = (from: number, to: number, inBoth: boolean): void => {
    for (let k = from; k < to; k++) {
      if (source[k] === '\n') continue;
      code[k] = ' ';
      if (inBoth) keep[k] = ' ';
    }
  };
  const braces: ('code' | 'template')[] = [];
  let i = 0;
  // Index of the last character that is code, not space or comment: decides what a `/` starts.
  let last = -1;
  const regexMayStart = (): boolean => {
    if (last === -1) return true;
    const c = source[last]!;
    if (REGEX_AFTER.has(c)) return true;
    return /[\w$]/.test(c) && REGEX_AFTER_WORD.test(source.slice(0, last + 1));
  };
  /** Blanks template text from `start` up to the closing backtick or the next `${`. */
  const templateText = (start: number): void => {
    let j = start;
    while (j < source.length && source[j] !== '`' && !(source[j] === '$' && source[j + 1] === '{')) {
      j += source[j] === '\\' ? 2 : 1;
    }
    blank(start, j, false);
    if (source[j] === '`') {
      last = j;
      i = j + 1;
    } else {
      braces.push('template');
      last = j + 1;
      i = j + 2;
    }
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop, true);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      blank(i, stop, true);
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      blank(i + 1, j, false);
      last = j;
      i = j + 1;
    } else if (c === '`') {
      templateText(i + 1);
    } else if (c === '}' && braces[braces.length - 1] === 'template') {
      braces.pop();
      templateText(i + 1);
    } else if (c === '/' && regexMayStart()) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j++;
      }
      blank(i + 1, j, false);
      last = j;
      i = j + 1;
    } else {
      if (c === '{') braces.push('code');
      if (c === '}') braces.pop();
      if (!/\s/.test(c)) last = i;
      i++;
    }
  }
  return { withStrings: keep.join(''), code: code.join('') };
}

/** Module of a path relative to the repository root: `src/table/x.ts` → `table`, `src/index.ts` → `index`. */
function moduleOf(file: string): string {
  const parts = file.split('/');
  if (parts.length === 2) return parts[1]!.replace(/\.(ts|js)$/, '');
  return parts[1]!;
}

interface ImportSite {
  readonly specifier: string | null;
  readonly index: number;
}

const STATIC_FROM = /(?<![.\w$])(?:import|export)\b[^;'"`]*?\bfrom\s*(['"])( *)\1/g;
const SIDE_EFFECT = /(?<![.\w$])import\s*(['"])( *)\1/g;
const DYNAMIC = /(?<![.\w$])import\s*\(\s*(['"`])( *)\1\s*[,)]/g;
const ANY_DYNAMIC = /(?<![.\w$])import\s*\(/g;

/** Every import/export-from specifier; `null` for a dynamic import whose target is not a literal. */
function importsOf(views: Views): ImportSite[] {
  const sites: ImportSite[] = [];
  const literalDynamic = new Set<number>();
  for (const pattern of [STATIC_FROM, SIDE_EFFECT, DYNAMIC]) {
    for (const match of views.code.matchAll(pattern)) {
      // The text before the opening quote holds no quote, and the code view keeps offsets.
      const open = match.index + match[0].indexOf(match[1]!);
      sites.push({ specifier: views.withStrings.slice(open + 1, open + 1 + match[2]!.length), index: match.index });
      if (pattern === DYNAMIC) literalDynamic.add(match.index);
    }
  }
  for (const match of views.code.matchAll(ANY_DYNAMIC)) {
    if (!literalDynamic.has(match.index)) sites.push({ specifier: null, index: match.index });
  }
  return sites.sort((a, b) => a.index - b.index);
}

/** All violations in one source file; `file` is relative to the repository root (`src/…`). */
function scanFile(file: string, source: string): Violation[] {
  const views = lex(source);
  const violations: Violation[] = [];
  const at = (index: number, message: string): void => {
    violations.push({ file, line: source.slice(0, index).split('\n').length, message });
  };
  const module = moduleOf(file);
  const allowed = ALLOWED[module];
  if (allowed === undefined) at(0, `is in "${module}", which is not a module of DESIGN.md §3`);
  for (const { specifier, index } of importsOf(views)) {
    if (specifier === null && USER_CODE_LOADERS.includes(file)) continue;
    const problem = importProblem(file, module, allowed ?? [], specifier);
    if (problem !== undefined) at(index, problem);
  }
  if (!REAL_TIME_MODULES.includes(module) && !REAL_TIME_FILES.includes(file)) {
    for (const { name, pattern } of BANNED) {
      for (const match of views.code.matchAll(pattern)) at(match.index, `uses ${name} below src/run`);
    }
  }
  return violations;
}

function importProblem(file: string, module: string, allowed: readonly string[], specifier: string | null): string | undefined {
  if (specifier === null) return 'has a dynamic import() whose target is not a string literal';
  if (specifier.startsWith('.')) {
    const target = posix.normalize(posix.join(posix.dirname(file), specifier));
    if (!target.startsWith('src/')) return `imports "${specifier}", outside src`;
    const to = moduleOf(target);
    if (to === module || allowed.includes(to)) return undefined;
    return `imports "${specifier}": ${module} may not import ${to}`;
  }
  if (/^(vitest(\/|$)|@vitest\/)/.test(specifier) && module !== 'vitest') return `imports "${specifier}": only src/vitest may import vitest`;
  if (/^shardcheck(\/|$)/.test(specifier)) return `imports "${specifier}": src imports itself by relative path`;
  if (TIMER_MODULES.test(specifier) && !REAL_TIME_MODULES.includes(module) && !REAL_TIME_FILES.includes(file)) {
    return `imports "${specifier}" below src/run`;
  }
  return undefined;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(): string[] {
  return (readdirSync(posix.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }) as string[])
    .map((name) => `src/${name.split('\\').join('/')}`)
    .filter((name) => name.endsWith('.ts'))
    .sort();
}

describe('architecture scanner', () => {
  const clean = [
    "import { optionError } from '../core/index.js';",
    "import type { TableSpec } from '../table/tableSpec.js';",
    "export { resolveTableSpec } from './resolveTableSpec.js';",
    '/** Unlike Date.now() or Math.random(), use the Prng; never setTimeout. */',
    '// new Date() and performance.now() are banned; import x from "../mapping/x.js" is just a comment',
    "const message = 'Math.random() and setTimeout in a string are fine';",
    'const pattern = /Date.now|setImmediate/;',
    'const when = new Date(epochMs).toISOString();',
    'const label = `at ${isoAt(0, 1)} after setInterval`;',
    "const lazy = () => import('../core/prng.js');",
  ].join('\n');

  it('accepts a clean file', () => {
    expect(scanFile('src/table/clean.ts', clean)).toEqual([]);
  });

  it.each([
    ['src/core/a.ts', "import { x } from '../table/x.js';", 'core may not import table'],
    ['src/table/a.ts', "import type { X } from '../mapping/x.js';", 'table may not import mapping'],
    ['src/faults/a.ts', "import { x } from '../scenario/x.js';", 'faults may not import scenario'],
    ['src/mapping/a.ts', "import {\n  expected,\n} from '../model/expected.js';", 'mapping may not import model'],
    ['src/mapping/a.ts', "export * from '../check/index.js';", 'mapping may not import check'],
    ['src/model/a.ts', "const m = await import('../mapping/simulate.js');", 'model may not import mapping'],
    ['src/check/a.ts', "import '../mapping/register.js';", 'check may not import mapping'],
    ['src/report/a.ts', "export { x } from '../run/x.js';", 'report may not import run'],
    ['src/index.ts', "export { streamTest } from './vitest/index.js';", 'index may not import vitest'],
    ['src/run/a.ts', "import { main } from '../cli/main.js';", 'run may not import cli'],
    ['src/run/a.ts', "import { expect } from 'vitest';", 'only src/vitest may import vitest'],
    ['src/mapping/a.ts', 'const m = await import(name);', 'dynamic import() whose target is not a string literal'],
    ['src/core/a.ts', "import pkg from '../../package.json';", 'outside src'],
    ['src/misc.ts', 'export const x = 1;', 'not a module of DESIGN.md §3'],
    ['src/table/a.ts', 'const r = Math.random();', 'uses Math.random below src/run'],
    ['src/stream/a.ts', 'const t = Date.now();', 'uses Date.now below src/run'],
    ['src/trace/a.ts', 'const t = performance.now();', 'uses performance.now below src/run'],
    ['src/check/a.ts', 'const d = new Date();', 'uses new Date() below src/run'],
    ['src/check/a.ts', 'const d = new Date;', 'uses new Date() below src/run'],
    ['src/mapping/a.ts', 'setTimeout(done, 10);', 'uses setTimeout below src/run'],
    ['src/model/a.ts', 'const h = setInterval(tick, 10);', 'uses setInterval below src/run'],
    ['src/index.ts', 'setImmediate(go);', 'uses setImmediate below src/run'],
    ['src/report/a.ts', 'const s = `${Date.now()}`;', 'uses Date.now below src/run'],
    ['src/mapping/a.ts', "import { setTimeout as wait } from 'node:timers/promises';", 'imports "node:timers/promises" below src/run'],
  ])('%s: flags %j', (file, source, expected) => {
    const messages = scanFile(file, source).map((v) => v.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).toContain(expected);
  });

  it('reports the line of a violation', () => {
    expect(scanFile('src/core/a.ts', "// header\n\nimport { x } from '../table/x.js';")).toEqual([
      { file: 'src/core/a.ts', line: 3, message: 'imports "../table/x.js": core may not import table' },
    ]);
  });

  it('allows real time in run, vitest, cli and the real-time guard only', () => {
    const source = 'setTimeout(f, Date.now() - performance.now() + Math.random()); new Date();';
    for (const file of ['src/run/a.ts', 'src/vitest/a.ts', 'src/cli/a.ts', 'src/mapping/realTime.ts']) {
      expect(scanFile(file, source)).toEqual([]);
    }
    expect(scanFile('src/mapping/other.ts', source).length).toBe(5);
  });

  it('allows what the layer table allows', () => {
    expect(scanFile('src/scenario/a.ts', "import type { S } from '../stream/s.js';\nimport { f } from '../faults/index.js';")).toEqual([]);
    expect(scanFile('src/vitest/a.ts', "import { expect } from 'vitest';\nimport { run } from '../run/index.js';")).toEqual([]);
    expect(scanFile('src/index.ts', "export * from './run/index.js';\nexport * from './arbitraries/index.js';")).toEqual([]);
    expect(scanFile('src/mapping/a.ts', "import fc from 'fast-check';\nimport { x } from './x.js';")).toEqual([]);
  });
});

describe('src follows DESIGN.md §3', () => {
  const files = sourceFiles();

  it('scans a non-trivial number of files', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files).toContain('src/core/errors.ts');
  });

  it('imports only downward, keeps vitest in src/vitest and real time above src/run', () => {
    const violations = files.flatMap((file) => scanFile(file, readFileSync(posix.join(ROOT, file), 'utf8')));
    expect(violations.map((v) => `${v.file}:${v.line} ${v.message}`)).toEqual([]);
  });
});
