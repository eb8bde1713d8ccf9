import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeBlocks } from '../support/readmeExamples.js';

/*
 * A new user's view: `npm pack` the package, install the tarball into a separate project next to
 * vitest, fast-check, tsx and TypeScript, then use it the ways users do: vitest tests (streamTest,
 * checkStreamHandler, the shipped examples), CommonJS `require`, type-checking as ESM and CommonJS,
 * the CLI on TypeScript modules, and the files the docs and source maps name.
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));
const project = mkdtempSync(join(tmpdir(), 'shardcheck-user-'));
const installed = join(project, 'node_modules/shardcheck');
const env = { ...process.env, NO_COLOR: '1', CI: 'true', SHARDCHECK_SEED: '1', SHARDCHECK_REPLAY: '' };

function sh(command: string, args: readonly string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env, timeout: 240_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

const shardcheck = (cwd: string, ...args: string[]) => sh(process.execPath, [join(installed, 'bin/shardcheck.js'), ...args], cwd);

describe('the packed package in a separate project', () => {
  beforeAll(() => {
    const packed = sh('npm', ['pack', '--pack-destination', project], repo);
    expect(packed.status, packed.output).toBe(0);
    const tarball = readdirSync(project).find((name) => name.endsWith('.tgz'))!;
    cpSync(join(repo, 'test/package/user-project'), project, { recursive: true });
    // Consumer files that need no directory of their own: CommonJS, type checks, TypeScript modules.
    mkdirSync(join(project, 'ts'), { recursive: true });
    for (const [file, text] of Object.entries(USER_FILES)) writeFileSync(join(project, file), text);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', type: 'module', private: true }));
    const install = sh(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${tarball}`, 'vitest@4.1.12', 'fast-check@4.10.2', 'tsx@4.23.15', 'typescript@5.9.3', '@types/node@20.19.43'],
      project,
    );
    expect(install.status, install.output).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }), 60_000);

  it('runs a streamTest, a checkStreamHandler test and the shipped examples with the vitest plugin', () => {
    cpSync(join(installed, 'examples'), join(project, 'examples'), { recursive: true });
    const run = sh(process.execPath, [join(project, 'node_modules/vitest/vitest.mjs'), 'run'], project);
    expect(run.output).toContain('projection (streamTest)');
    expect(run.output).not.toContain('with seed');
    expect(run.output).toMatch(/Test Files +5 passed/);
    expect(run.status, run.output).toBe(0);
  });

  it('the README\'s 5-minute example, verbatim, with vitest\'s default config: the correct handler passes; a buggy one fails with the report inside the 5 s timeout, and its replay line fails again with the same line', () => {
    // A project of its own (vitest looks for a config file up the tree), with the same install.
    const readme = mkdtempSync(join(tmpdir(), 'shardcheck-readme-user-'));
    try {
      writeFileSync(join(readme, 'package.json'), JSON.stringify({ name: 'readme-user', private: true, type: 'module' }));
      symlinkSync(join(project, 'node_modules'), join(readme, 'node_modules'), 'dir');
      const blocks = readmeBlocks(readFileSync(join(repo, 'README.md'), 'utf8'));
      for (const name of ['handler', 'memory-store', 'five-minutes-correct']) {
        const block = blocks.find((b) => b.name === name)!;
        mkdirSync(dirname(join(readme, block.file)), { recursive: true });
        writeFileSync(join(readme, block.file), block.code);
      }
      const vitest = (cwd: string) => sh(process.execPath, [join(project, 'node_modules/vitest/vitest.mjs'), 'run'], cwd);
      const correct = vitest(readme);
      expect(correct.status, correct.output).toBe(0);

      cpSync(join(repo, 'test/readme/swallows-errors-handler/src/handler.ts'), join(readme, 'src/handler.ts'));
      const buggy = vitest(readme);
      expect(buggy.status, buggy.output).toBe(1);
      expect(buggy.output).not.toContain('Test timed out');
      expect(buggy.output).toMatch(/shardcheck: your invariant failed: AssertionError/);
      expect(buggy.output).toMatch(/\ntimeline\n/);
      const line = /^replay: (.*)$/m.exec(buggy.output)?.[1];
      expect(line, buggy.output).toMatch(/^SHARDCHECK_REPLAY=\S+ npx vitest run test\/projection\.test\.ts -t '\^projection survives stream faults\$'$/);
      const again = spawnSync('sh', ['-c', line!], { cwd: readme, encoding: 'utf8', env: { ...env, SHARDCHECK_SEED: '' }, timeout: 120_000 });
      const output = `${again.stdout}${again.stderr}`;
      expect(again.status, output).toBe(1);
      expect(/^replay: (.*)$/m.exec(output)?.[1]).toBe(line);
    } finally {
      rmSync(readme, { recursive: true, force: true });
    }
  });

  it('runs `npx shardcheck demo`, naming handler files that exist', () => {
    const demo = sh('npx', ['shardcheck', 'demo'], project);
    expect(demo.status, demo.output).toBe(0);
    expect(demo.output).toMatch(/^PASS 100 generated scenarios/m);
    const named = [...demo.stdout.matchAll(/(node_modules\/shardcheck\/\S+?\.ts)\b/g)].map((m) => m[1]!);
    expect(named).toContain('node_modules/shardcheck/src/cli/examples/projectionHandler.ts');
    for (const file of named) expect(existsSync(join(project, file)), file).toBe(true);
  });

  it('require("shardcheck") works from CommonJS without warnings and shares the user\'s fast-check', () => {
    const run = sh(process.execPath, ['consumer.cjs'], project);
    expect(run.stderr).toBe('');
    expect(run.status, run.output).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ runs: 5, fastCheckRequiredByShardcheck: true, sameFastCheck: true, failureIsShardcheckFailure: true });
    const vitest = sh(process.execPath, ['-e', "require('shardcheck/vitest')"], project);
    expect(vitest.status).toBe(1);
    expect(vitest.stderr).toContain('shardcheck/vitest is an ES module, like vitest itself');
  });

  it('type-checks as an ES module (node16 and bundler resolution) and as CommonJS', () => {
    for (const config of ['tsconfig.node16.json', 'tsconfig.bundler.json']) {
      const tsc = sh(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', config], project);
      expect(tsc.output, config).toBe('');
      expect(tsc.status, config).toBe(0);
    }
  });

  it('replays a scenario against TypeScript --factory, --deps and --invariant modules through the project\'s tsx', () => {
    const scenario = 'node_modules/shardcheck/fixtures/traces/split-pf.scenario.json';
    const run = shardcheck(project, 'replay', scenario, '--factory', 'ts/handler.ts#createHandler', '--deps', 'ts/deps.ts', '--invariant', 'ts/invariant.ts');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^PASS \S+split-pf\.scenario\.json: every built-in invariant and your invariant hold/);
    expect(run.status).toBe(0);
    // Without tsx (a folder outside the project), the command that adds it.
    const elsewhere = mkdtempSync(join(tmpdir(), 'shardcheck-no-tsx-'));
    try {
      cpSync(join(project, 'ts'), join(elsewhere, 'ts'), { recursive: true });
      const bare = shardcheck(elsewhere, 'replay', join(installed, 'fixtures/traces/split-pf.scenario.json'), '--handler', 'ts/handler.ts#createHandler');
      expect(bare.status).toBe(2);
      expect(bare.stderr).toContain('run `npm i -D tsx`');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('explains the stored trace the README cites', () => {
    const run = shardcheck(project, 'explain', 'node_modules/shardcheck/fixtures/traces/split-pf.json');
    expect(run.status, run.output).toBe(0);
    expect(run.stdout).toContain('PASS every built-in invariant holds');
  });

  it('ships every source a source map names', () => {
    const maps = walk(installed).filter((file) => file.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const map of maps) {
      const { sources, sourceRoot = '' } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[]; sourceRoot?: string };
      for (const source of sources) {
        const file = resolve(dirname(map), sourceRoot, source);
        if (!file.startsWith(`${installed}/`) || !existsSync(file)) missing.push(`${relative(installed, map)} → ${source}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('ships every repository file its documentation cites', () => {
    const docs = ['README.md', ...readdirSync(join(repo, 'docs')).map((name) => `docs/${name}`), 'examples/README.md', 'fixtures/README.md'];
    const missing: string[] = [];
    for (const doc of docs) {
      expect(existsSync(join(installed, doc)), doc).toBe(true);
      for (const cited of citedPaths(readFileSync(join(repo, doc), 'utf8'), dirname(doc))) {
        if (!existsSync(join(repo, cited)) || USERS_OWN.includes(cited) || CONTRIBUTOR_ONLY.some((dir) => cited === dir || cited.startsWith(`${dir}/`))) continue;
        if (!existsSync(join(installed, cited))) missing.push(`${cited} (cited in ${doc})`);
      }
    }
    expect(missing).toEqual([]);
  });
});

/** The repository's own tooling: cited for contributors, never shipped. */
const CONTRIBUTOR_ONLY = ['test', 'properties', 'bench', 'scripts', '.ci'];
/** Files of the user's own project the docs name, which the repository happens to have too. */
const USERS_OWN = ['vitest.config.ts', 'package.json', 'tsconfig.json'];

/** Paths in backticks or Markdown links, relative to the repository root. */
function citedPaths(markdown: string, from: string): string[] {
  const found = new Set<string>();
  for (const m of markdown.matchAll(/`([^`\s]+)`|\]\(([^)#\s]+)/g)) {
    const text = (m[1] ?? m[2]!).replace(/[:#].*$/, '');
    if (!/^[\w.-]+(\/[\w.<>-]*)*$/.test(text) || text.includes('<') || !/[/.]/.test(text)) continue;
    const inRepo = m[2] !== undefined ? join(from, text) : text;
    found.add(inRepo.replace(/\/$/, ''));
    if (m[1] !== undefined && from !== '.') found.add(join(from, text));
  }
  return [...found].filter((path) => path !== '' && !path.startsWith('..'));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const USER_FILES: Record<string, string> = {
  'consumer.cjs': `const Module = require('node:module');
const path = require('node:path');
const requiredBy = [];
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  if (request === 'fast-check' && parent) requiredBy.push(parent.filename);
  return load.call(this, request, parent, ...rest);
};
const fc = require('fast-check');
const { checkStreamHandler, ShardcheckFailure } = require('shardcheck');
const shardcheckDir = path.dirname(require.resolve('shardcheck'));
(async () => {
  const options = {
    createHandler: (deps) => async (event) => { for (const r of event.Records) await deps.store.put(r.dynamodb.Keys.pk.S); },
    deps: () => { const seen = new Set(); return { store: { seen, async put(k) { seen.add(k); } } }; },
    table: { partitionKey: 'pk' },
    numRuns: 5,
    regressions: false,
  };
  const summary = await checkStreamHandler(options);
  let failure;
  try { await checkStreamHandler({ ...options, invariant: () => { throw new Error('always'); } }); } catch (error) { failure = error; }
  process.stdout.write(JSON.stringify({
    runs: summary.runs,
    fastCheckRequiredByShardcheck: requiredBy.some((file) => file.startsWith(shardcheckDir)),
    sameFastCheck: require.resolve('fast-check', { paths: [shardcheckDir] }) === require.resolve('fast-check'),
    failureIsShardcheckFailure: failure instanceof ShardcheckFailure,
  }));
})().catch((error) => { console.error(error); process.exit(1); });
`,
  'types-esm.mts': `import fc from 'fast-check';
import { checkStreamHandler, scenario, type CheckStreamHandlerOptions, type StreamHandler } from 'shardcheck';
import { streamTest, shardcheck } from 'shardcheck/vitest';
const handler: StreamHandler = async () => ({ batchItemFailures: [] });
const options: CheckStreamHandlerOptions<object> = { handler, numRuns: 1 };
export const run = (): Promise<unknown> => checkStreamHandler(options);
export const arbitrary: fc.Arbitrary<unknown> = scenario();
export const plugin = shardcheck({ numRuns: 10 });
export const declare = (): void => streamTest('t', options);
`,
  'types-cjs.cts': `import { checkStreamHandler, itemKey, type RunSummary } from 'shardcheck';
export async function run(): Promise<RunSummary> {
  return checkStreamHandler({ handler: async () => undefined, numRuns: 1 });
}
export const key: typeof itemKey = itemKey;
`,
  'tsconfig.node16.json': JSON.stringify({
    compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] },
    files: ['types-esm.mts', 'types-cjs.cts'],
  }),
  'tsconfig.bundler.json': JSON.stringify({
    // Declarations were checked above; here only that every import resolves under bundler rules.
    compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
    files: ['types-esm.mts'],
  }),
  'ts/handler.ts': `import type { Store } from './deps.js';
export function createHandler(deps: { store: Store }) {
  return async (event: { Records: { dynamodb: { Keys: Record<string, { S?: string }> } }[] }): Promise<void> => {
    for (const record of event.Records) await deps.store.put(JSON.stringify(record.dynamodb.Keys));
  };
}
`,
  'ts/deps.ts': `export interface Store { readonly keys: Set<string>; put(key: string): Promise<void> }
export function deps(): { store: Store } {
  const keys = new Set<string>();
  return { store: { keys, async put(key: string) { keys.add(key); } } };
}
`,
  'ts/invariant.ts': `import type { Store } from './deps.js';
export function invariant({ deps, model }: { deps: { store: Store }; model: { records: readonly { itemKey: string }[] } }): void {
  const items = new Set(model.records.map((r) => r.itemKey)).size;
  if (deps.store.keys.size !== items) throw new Error(\`saw \${deps.store.keys.size} of \${items} items\`);
}
`,
};
