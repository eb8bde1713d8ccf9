/*
 * `npm run build` (also run by `npm pack` / `npm publish`): compiles `src` to `dist/` twice.
 *
 * - `dist/` is the ES module build (tsc, with declarations) that `import` and the CLI use.
 * - `dist/cjs/` is a CommonJS copy of the library for `require('shardcheck')`. It makes a
 *   CommonJS program `require('fast-check')` too, so the user's `fc.configureGlobal` and ours act on
 *   one fast-check instance (require(esm) would load fast-check's ES build next to the user's
 *   CommonJS one). `src/vitest` and `src/cli` stay ESM-only, like vitest itself.
 *
 * Every source map names its `.ts` source by a path relative to the map, and `src/` ships with
 * the package, so each map's sources exist in the installed package (checked by test/package).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
const cjs = join(dist, 'cjs');
/** ESM-only parts: they need `import.meta` or top-level await, and vitest cannot be required. */
const ESM_ONLY = ['vitest', 'cli'];

function buildCommonJs(): void {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    sourceMap: true,
    verbatimModuleSyntax: false,
    isolatedModules: true,
  };
  for (const file of sourceFiles(src)) {
    const rel = relative(src, file);
    if (ESM_ONLY.includes(rel.split(sep)[0]!)) continue;
    const out = join(cjs, rel.replace(/\.ts$/, '.js'));
    const { outputText, sourceMapText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText.replace(/\/\/# sourceMappingURL=.*$/m, `//# sourceMappingURL=${basename(out)}.map`));
    writeMap(`${out}.map`, JSON.parse(sourceMapText!) as SourceMap, file);
    // The declarations are the ES build's: a `.d.ts` under a "type": "commonjs" folder describes
    // the CommonJS module, whose named exports are the same.
    const declaration = join(dist, rel.replace(/\.ts$/, '.d.ts'));
    const copy = out.replace(/\.js$/, '.d.ts');
    copyFileSync(declaration, copy);
    writeMap(`${copy}.map`, JSON.parse(readFileSync(`${declaration}.map`, 'utf8')) as SourceMap, file);
  }
  writeFileSync(join(cjs, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
  writeFileSync(join(cjs, 'vitest.js'), VITEST_REQUIRED);
}

interface SourceMap {
  file?: string;
  sourceRoot?: string;
  sources: string[];
}

/** Rewrites a map so it names `source` relative to where the map lives. */
function writeMap(mapFile: string, map: SourceMap, source: string): void {
  map.file = basename(mapFile, '.map');
  map.sourceRoot = '';
  map.sources = [relative(dirname(mapFile), source).split(sep).join('/')];
  writeFileSync(mapFile, JSON.stringify(map));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** What `require('shardcheck/vitest')` gets: vitest itself cannot be required. */
const VITEST_REQUIRED = `'use strict';
throw new Error(
  "shardcheck/vitest is an ES module, like vitest itself, so it cannot be loaded with require(). " +
    "Import it from a test file (import { streamTest } from 'shardcheck/vitest'): vitest runs test files as ES modules " +
    "whatever your tsconfig's module setting. From CommonJS code use require('shardcheck') (checkStreamHandler).",
);
`;

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
buildCommonJs();
