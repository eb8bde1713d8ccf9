import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeBlocks, type ReadmeBlock } from './support/readmeExamples.js';

/*
 * The README's marked code blocks run as a user would run them: each example gets a project folder
 * with its support files, and one child `vitest run` with vitest's default configuration runs
 * them all, with `shardcheck` resolving to this checkout's sources. See support/readmeExamples.ts
 * for the markers.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SUPPORT = join(ROOT, 'test/readme');
/** The examples the README must keep; renaming or dropping one fails loudly here. */
const REQUIRED = ['five-minutes-correct', 'five-minutes-buggy'];
/** What a user's project has installed next to shardcheck (its dependencies and peers). */
const INSTALLED = ['vitest', 'fast-check', '@aws-sdk/util-dynamodb', '@types/aws-lambda'];

const blocks = readmeBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const tests = blocks.filter((block) => block.expect !== undefined);

interface FileResult {
  readonly name: string;
  readonly status: string;
  readonly message: string;
  readonly assertionResults: readonly { readonly status: string; readonly failureMessages: readonly string[] }[];
}

let workspace: string;
let results: FileResult[];
let output: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'shardcheck-readme-'));
  writeFileSync(join(workspace, 'package.json'), JSON.stringify({ name: 'readme-examples', private: true, type: 'module' }));
  linkPackages(workspace);
  for (const block of tests) writeProject(join(workspace, block.name), block);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=json', '--outputFile=results.json'], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...env, SHARDCHECK_SEED: '1', SHARDCHECK_REPLAY: '', NO_COLOR: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  output = `${run.stdout}${run.stderr}`;
  results = (JSON.parse(readFileSync(join(workspace, 'results.json'), 'utf8')) as { testResults: FileResult[] }).testResults;
}, 200_000);
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('README examples', () => {
  it('keeps every required example', () => {
    expect(tests.map((block) => block.name)).toEqual(expect.arrayContaining(REQUIRED));
  });

  it.each(tests.map((block) => [block.name, block] as const))('%s', (_name, block) => {
    const file = join(workspace, block.name, block.file);
    const result = results.find((r) => r.name === file);
    expect(result, `vitest did not run ${block.file} of "${block.name}":\n${output}`).toBeDefined();
    const failures = result!.assertionResults.filter((a) => a.status === 'failed');
    const detail = `README line ${block.line}, "${block.name}" ${result!.status}:\n${result!.message}\n${failures.flatMap((a) => a.failureMessages).join('\n').slice(0, 3000)}`;
    if (block.expect === 'pass') {
      expect(result!.status, detail).toBe('passed');
      expect(result!.assertionResults.length, detail).toBeGreaterThan(0);
    } else {
      // A failing assertion, not a file that does not load: the test must run and catch the bug.
      expect(result!.assertionResults.length, detail).toBeGreaterThan(0);
      expect(failures.length, detail).toBeGreaterThan(0);
      if (block.match !== undefined) expect(failures.flatMap((a) => a.failureMessages).join('\n'), detail).toContain(block.match);
    }
  });
});

/** `node_modules` of the workspace: the installed packages, and `shardcheck` as this checkout's sources. */
function linkPackages(dir: string): void {
  for (const name of INSTALLED) {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
  const self = join(dir, 'node_modules/shardcheck');
  mkdirSync(self, { recursive: true });
  // Exports point at the sources; vite follows the symlink to the checkout and compiles them there.
  writeFileSync(join(self, 'package.json'), JSON.stringify({ name: 'shardcheck', type: 'module', exports: { '.': './src/index.ts', './vitest': './src/vitest/index.ts' } }));
  symlinkSync(join(ROOT, 'src'), join(self, 'src'), 'dir');
}

function writeProject(dir: string, block: ReadmeBlock): void {
  write(dir, block.file, block.code);
  for (const name of block.with) {
    const shown = blocks.find((b) => b.name === name && b.expect === undefined);
    if (shown !== undefined) write(dir, shown.file, shown.code);
    else cpSync(join(SUPPORT, name), dir, { recursive: true, errorOnExist: false });
  }
}

function write(dir: string, file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}

describe('README example markers', () => {
  const fence = (markers: string): string => `${markers}\n\`\`\`ts\nexport const x = 1;\n\`\`\`\n`;

  it('reads names, files, expectations, support and the failure text', () => {
    const [a, b, c] = readmeBlocks(
      `${fence('<!-- example: handler file=src/handler.ts -->')}\n${fence('<!-- example: ok with=handler expect=pass -->\n<!-- example: bad file=test/x.test.ts with=handler,other expect=fail match="lost, update" -->')}`,
    );
    expect(a).toMatchObject({ name: 'handler', file: 'src/handler.ts', expect: undefined, with: [], line: 1 });
    expect(b).toMatchObject({ name: 'ok', file: 'test/ok.test.ts', expect: 'pass', with: ['handler'], code: 'export const x = 1;\n' });
    expect(c).toMatchObject({ name: 'bad', file: 'test/x.test.ts', expect: 'fail', with: ['handler', 'other'], match: 'lost, update' });
  });

  it.each([
    ['<!-- example: a expect=pass -->\n\nsome text\n', 'must be followed directly by a ```ts block'],
    ['<!-- example: a expect=pass -->\n```sh\nnpm test\n```\n', 'examples are ```ts blocks (got ```sh)'],
    ['<!-- example: a expect=maybe -->\n```ts\n```\n', 'expect must be pass or fail'],
    ['<!-- example: a expect=pass colour=red -->\n```ts\n```\n', 'unknown example attribute "colour=red"'],
    ['<!-- example: a -->\n```ts\n```\n', 'support block "a" needs file=<path>'],
    ['<!-- example: a expect=pass match=x -->\n```ts\n```\n', 'match= goes with expect=fail'],
    ['<!-- example: a expect=pass file=../x.ts -->\n```ts\n```\n', 'file must stay inside'],
    ['<!-- example: a expect=pass -->\n```ts\n```\n<!-- example: a expect=fail -->\n```ts\n```\n', 'example name "a" is used twice'],
    ['text\n<!-- example: a expect=pass -->', 'marks no block'],
  ])('rejects a malformed marker: %j', (markdown, message) => {
    expect(() => readmeBlocks(markdown)).toThrow(message);
  });
});
