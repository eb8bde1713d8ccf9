import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXPLAIN_USAGE, REPLAY_USAGE } from '../../src/cli/usage.js';
import { storeScenario } from '../../src/run/index.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TRACES = join(ROOT, 'fixtures/traces');
const trace = (name: string): string => join(TRACES, `${name}.json`);
const scenarioFile = (name: string): string => join(TRACES, `${name}.scenario.json`);

let dir: string;

async function run(argv: string[], cwd?: string, importModule?: (file: string) => Promise<unknown>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    ...(cwd === undefined ? {} : { cwd }),
    ...(importModule === undefined ? {} : { importModule }),
  });
  return { code, stdout, stderr };
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shardcheck-cli-'));
  write('ok.mjs', `export const handler = async () => ({ batchItemFailures: [] });\nexport const notAFunction = 42;\n`);
  write('default.mjs', `export default async function acknowledge() { return { batchItemFailures: [] }; }\n`);
  write('typed.ts', `export const handler = async (): Promise<{ batchItemFailures: never[] }> => ({ batchItemFailures: [] });\n`);
  write(
    'poison.mjs',
    `export function createHandler(deps) {
  return async (event) => {
    for (const record of event.Records) {
      if (record.dynamodb.Keys.pk.S === 'user#2') throw new Error('cannot process user#2');
      await deps.store.put(record.dynamodb.Keys.pk.S);
    }
  };
}
export function createCounting(deps) {
  return async (event) => {
    for (const record of event.Records) await deps.store.put(record.dynamodb.Keys.pk.S);
  };
}
export const deps = () => ({ store: { seen: new Set(), async put(key) { this.seen.add(key); } } });
export function invariant({ deps, model }) {
  const items = new Set(model.records.map((r) => r.itemKey)).size;
  if (deps.store.seen.size !== items) throw new Error('saw ' + deps.store.seen.size + ' of ' + items + ' items');
}
export function tooStrict({ deps }) {
  throw new Error('expected 99 items, saw ' + deps.store.seen.size);
}
`,
  );
  write('broken.mjs', `throw new Error('boom at import');\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shardcheck explain', () => {
  it('renders a stored trace and checks it against the scenario stored next to it', async () => {
    const { code, stdout, stderr } = await run(['explain', trace('split-pf')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`trace ${trace('split-pf')}\n`);
    expect(stdout).toMatch(/^summary {6}drained at /m);
    expect(stdout).toMatch(/^ {2}shard 0 {2}shardId-/m);
    expect(stdout).toContain(`verdict of the built-in invariants against the scenario in ${scenarioFile('split-pf')}\nPASS every built-in invariant holds\n`);
  });

  it('exits 1 with the anomalies, witnesses and hints when the stored verdict is a violation', async () => {
    const { code, stdout } = await run(['explain', trace('phantom-item-identifier')]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL progress-after-faults violated \(liveness, R\d+\) \(\+1 more anomaly\)$/m);
    expect(stdout).toContain('item-identifier (harness, R37)');
    expect(stdout).toContain('witness events');
    expect(stdout).toMatch(/^ {2}hint: poison record: .* returned a response Lambda cannot read: itemIdentifier "\d+" is not a SequenceNumber of this batch/m);
  });

  it('prints the timeline of a bare trace and says the verdict needs its scenario', async () => {
    const bare = join(dir, 'bare.json');
    copyFileSync(trace('restart-trim'), bare);
    const { code, stdout } = await run(['explain', bare]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^summary /m);
    expect(stdout).not.toContain('PASS');
    expect(stdout).toContain('verdict not computed: the built-in invariants need the scenario the trace was run from.');
    expect(stdout).toContain(`store it next to the trace as ${join(dir, 'bare.scenario.json')}.`);
    const given = await run(['explain', 'bare.json', '--scenario', scenarioFile('restart-trim')], dir);
    expect(given.code).toBe(0);
    expect(given.stdout).toContain('PASS every built-in invariant holds');
  });

  it('describes a plain scenario in compact notation and suggests replay', async () => {
    const file = scenarioFile('poison-record');
    const { code, stdout } = await run(['explain', file]);
    expect(code).toBe(0);
    expect(stdout).toContain(`scenario ${file}: scenario parameters (plain JSON)\n`);
    expect(stdout).toContain('  table        accounts  keys pk S, sk S  NEW_AND_OLD_IMAGES');
    expect(stdout).toContain('  records      10\n');
    // The same records, with the same sequence numbers, as the trace stored from it.
    const stored = readFileSync(trace('poison-record'), 'utf8');
    const seqs = [...stdout.matchAll(/^ {4}@\d+ +shard 0 +\S+ +(?:INSERT|MODIFY) +seq (\d+)/gm)].map((m) => m[1]!);
    expect(seqs).toHaveLength(10);
    for (const seq of seqs) expect(stored).toContain(`"seq":"${seq}"`);
    expect(stdout).toContain(`  shardcheck replay ${file} --handler <module[#export]>\n`);
    expect(stdout).not.toContain('verdict');
  });

  it('describes a regression-corpus scenario with its replay token', async () => {
    const scenario = JSON.parse(readFileSync(scenarioFile('restart-trim'), 'utf8')) as ScenarioParameters;
    const file = storeScenario(join(dir, 'corpus'), { scenario, seed: 1234, path: '5:0:2', fingerprint: '0a1b2c3d', check: 'test/orders.test.ts > orders' }, new Date(Date.UTC(2026, 0, 2)));
    const { code, stdout } = await run(['explain', file]);
    expect(code).toBe(0);
    expect(stdout).toContain(`a stored failure from the regression corpus, found 2026-01-02T00:00:00.000Z (replay token: seed 1234, path "5:0:2")`);
    expect(stdout).toContain('    timed restart at +1.000s');
  });

  it('explains a corpus scenario with the trace of its failing run stored next to it, from either file', async () => {
    const scenario = JSON.parse(readFileSync(scenarioFile('phantom-item-identifier'), 'utf8')) as ScenarioParameters;
    const file = storeScenario(join(dir, 'corpus-trace'), { scenario, seed: 9, path: '1', fingerprint: '0a1b2c3d', check: 'orders' }, new Date(Date.UTC(2026, 0, 4)));
    const traceFile = file.replace(/\.json$/, '.trace.json');
    copyFileSync(trace('phantom-item-identifier'), traceFile);
    const fromScenario = await run(['explain', file]);
    expect(fromScenario.code).toBe(1);
    expect(fromScenario.stdout).toContain('a stored failure from the regression corpus');
    expect(fromScenario.stdout).toContain(`Its failing run, stored next to it:\n\ntrace ${traceFile}\n`);
    expect(fromScenario.stdout).toMatch(/^summary {6}/m);
    expect(fromScenario.stdout).toContain(`verdict of the built-in invariants against the scenario in ${file}\nFAIL progress-after-faults violated`);
    expect(fromScenario.stdout).not.toContain('shardcheck replay');
    const fromTrace = await run(['explain', traceFile]);
    expect(fromTrace.code).toBe(1);
    expect(fromTrace.stdout).toContain(`verdict of the built-in invariants against the scenario in ${file}\n`);
  });

  it('names only files that exist: the corpus scenario without a stored trace suggests replay, not a trace', async () => {
    const scenario = JSON.parse(readFileSync(scenarioFile('restart-trim'), 'utf8')) as ScenarioParameters;
    const file = storeScenario(join(dir, 'corpus-bare'), { scenario, seed: 1, path: '', fingerprint: '0a1b2c3d', check: 'orders' }, new Date(Date.UTC(2026, 0, 5)));
    const { stdout } = await run(['explain', file]);
    expect(stdout).not.toContain('.trace.json');
    expect(stdout).toContain(`shardcheck replay ${file} --handler <module[#export]>`);
  });

  it.each([
    [['explain'], 'explain takes exactly one file (got none)'],
    [['explain', 'a.json', 'b.json'], 'explain takes exactly one file (got "a.json" "b.json")'],
    [['explain', 'missing.json'], 'missing.json: no such file'],
    [['explain', 'x.json', '--frobnicate'], "explain: Unknown option '--frobnicate'"],
  ])('%j is a usage error', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv, dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`shardcheck: ${message}`);
    expect(stderr).toContain(EXPLAIN_USAGE);
  });

  it('rejects files that are not a trace or scenario, and a scenario that does not match the trace', async () => {
    write('notjson.json', '{ nope');
    write('other.json', '{"hello": 1}');
    write('badscenario.json', '{"table": {"tableName": "t"}, "operations": "x"}');
    expect((await run(['explain', 'notjson.json'], dir)).stderr).toMatch(/^shardcheck: notjson\.json: not JSON \(/);
    expect((await run(['explain', 'other.json'], dir)).stderr).toMatch(/^shardcheck: other\.json: neither a stored trace .* nor a scenario/);
    const bad = await run(['explain', 'badscenario.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^shardcheck: badscenario\.json: /);
    const mismatch = await run(['explain', trace('split-pf'), '--scenario', scenarioFile('poison-record')]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('does not describe the run in');
    const twice = await run(['explain', scenarioFile('poison-record'), '--scenario', scenarioFile('poison-record')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--scenario goes with a stored trace');
  });
});

describe('shardcheck replay', () => {
  it('passes a handler that acknowledges everything (exit 0)', async () => {
    const { code, stdout, stderr } = await run(['replay', scenarioFile('poison-record'), '--handler', 'ok.mjs'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASS \S+poison-record\.scenario\.json: every built-in invariant holds \(10 records, \d+ trace events\)\n$/);
  });

  it('finds the default export, then `handler`', async () => {
    expect((await run(['replay', scenarioFile('split-pf'), '--handler', 'default.mjs'], dir)).code).toBe(0);
    expect((await run(['replay', scenarioFile('split-pf'), '--handler', 'ok.mjs#handler'], dir)).code).toBe(0);
  });

  it('loads modules through the injected loader when given (TypeScript under vitest)', async () => {
    const loaded: string[] = [];
    const viaImport = async (file: string): Promise<unknown> => {
      loaded.push(file);
      return import(file);
    };
    const { code, stderr } = await run(['replay', scenarioFile('split-pf'), '--handler', 'typed.ts'], dir, viaImport);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(loaded).toEqual([join(dir, 'typed.ts')]);
  });

  it('loads a module that uses top-level await', async () => {
    write('tla.mjs', `await Promise.resolve();\nexport const handler = async () => ({ batchItemFailures: [] });\n`);
    const { code, stderr } = await run(['replay', scenarioFile('split-pf'), '--handler', 'tla.mjs'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('reports a module that fails to import as a usage error', async () => {
    write('broken.mjs', `throw new Error('boom at import');\n`);
    const { code, stderr } = await run(['replay', scenarioFile('split-pf'), '--handler', 'broken.mjs'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('--handler: cannot import "broken.mjs": boom at import');
  });

  it('tsx src/cli/main.ts replay loads .mjs and .ts modules and sets the exit code', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    const module = (name: string): string => join(dir, name);
    const pass = cli('replay', scenarioFile('split-pf'), '--handler', module('typed.ts'));
    expect(pass.stderr).toBe('');
    expect(pass.status).toBe(0);
    expect(pass.stdout).toMatch(/^PASS /);
    const fail = cli('replay', scenarioFile('poison-record'), '--factory', module('poison.mjs'), '--deps', module('poison.mjs'));
    expect(fail.status).toBe(1);
    expect(fail.stdout).toContain('shardcheck: progress-after-faults violated');
    const usage = cli('replay', scenarioFile('poison-record'), '--handler', `${module('ok.mjs')}#nope`);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('has no export "nope"');
  });

  describe('TypeScript modules in a user project', () => {
    let project: string;
    // The repository's own tsx runs the CLI's TypeScript; the user's project decides about theirs.
    const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, ['--import', tsx, join(ROOT, 'src/cli/main.ts'), ...args], { cwd, encoding: 'utf8' });
    beforeAll(() => {
      project = mkdtempSync(join(tmpdir(), 'shardcheck-ts-'));
      mkdirSync(join(project, 'src'));
      writeFileSync(join(project, 'src/handler.ts'), TS_FACTORY);
      writeFileSync(join(project, 'src/deps.ts'), TS_DEPS);
      writeFileSync(join(project, 'src/invariant.ts'), TS_INVARIANT);
      copyFileSync(scenarioFile('split-pf'), join(project, 'split-pf.scenario.json'));
    });
    afterAll(() => rmSync(project, { recursive: true, force: true }));

    it('without tsx in the project, fails at once (exit 2) with the command that adds it', () => {
      const run = cli(project, 'replay', 'split-pf.scenario.json', '--factory', 'src/handler.ts#createHandler', '--deps', 'src/deps.ts');
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('--factory: "src/handler.ts" is TypeScript');
      expect(run.stderr).toContain('run `npm i -D tsx`');
    });

    it.each(['module', 'commonjs'])('with tsx installed ("type": "%s"), --factory, --deps and --invariant load .ts modules', (type) => {
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user', private: true, type }));
      mkdirSync(join(project, 'node_modules'), { recursive: true });
      rmSync(join(project, 'node_modules/tsx'), { force: true });
      symlinkSync(join(ROOT, 'node_modules/tsx'), join(project, 'node_modules/tsx'), 'dir');
      const run = cli(project, 'replay', 'split-pf.scenario.json', '--factory', 'src/handler.ts#createHandler', '--deps', 'src/deps.ts', '--invariant', 'src/invariant.ts');
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^PASS split-pf\.scenario\.json: every built-in invariant and your invariant hold/);
      expect(run.status).toBe(0);
    });
  });

  it('fails a factory that throws on a poison record (exit 1) with the report and a replay line', async () => {
    const file = scenarioFile('poison-record');
    const { code, stdout, stderr } = await run(['replay', file, '--factory', 'poison.mjs', '--deps', 'poison.mjs'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`FAIL ${file}`);
    expect(lines[1]).toBe('shardcheck: progress-after-faults violated (liveness, R32)');
    expect(lines[2]).toBe(`replay: shardcheck replay ${file} --factory poison.mjs --deps poison.mjs`);
    expect(stdout).toContain('FUNCTION_ERROR Error: cannot process user#2');
    expect(stdout).toMatch(/^ {2}hint: poison record: /m);
    expect(stdout).toMatch(/^scenario$/m);
    expect(stdout).toMatch(/^timeline/m);
    expect(stdout).not.toContain('SHARDCHECK_PATH');
  });

  it('checks the user invariant with the real deps after the built-in ones', async () => {
    const pass = await run(['replay', scenarioFile('split-pf'), '--factory', 'poison.mjs#createCounting', '--deps', 'poison.mjs', '--invariant', 'poison.mjs'], dir);
    expect(pass.stderr).toBe('');
    expect(pass.stdout).toContain('every built-in invariant and your invariant hold');
    expect(pass.code).toBe(0);
    const fail = await run(['replay', scenarioFile('split-pf'), '--factory', 'poison.mjs#createCounting', '--deps', 'poison.mjs', '--invariant', 'poison.mjs#tooStrict'], dir);
    expect(fail.code).toBe(1);
    expect(fail.stdout.split('\n')[1]).toBe('shardcheck: your invariant failed: Error: expected 99 items, saw 8');
    expect(fail.stdout).toContain('your invariant threw');
  });

  it('replays a regression-corpus file and names the campaign that found it', async () => {
    const scenario = JSON.parse(readFileSync(scenarioFile('poison-record'), 'utf8')) as ScenarioParameters;
    const file = storeScenario(join(dir, 'corpus2'), { scenario, seed: 77, path: '3:1', fingerprint: '0a1b2c3d', check: 'test/orders.test.ts > orders' }, new Date(Date.UTC(2026, 0, 3)));
    const { code, stdout } = await run(['replay', file, '--factory', join(dir, 'poison.mjs'), '--deps', join(dir, 'poison.mjs')]);
    expect(code).toBe(1);
    expect(stdout).toContain('found 2026-01-03T00:00:00.000Z by "test/orders.test.ts > orders" (campaign seed 77, path "3:1")');
  });

  it.each([
    [['replay', 'poison-record.scenario.json'], 'replay needs exactly one of --handler'],
    [['replay', 'poison-record.scenario.json', '--handler', 'ok.mjs', '--factory', 'poison.mjs'], 'replay needs exactly one of --handler'],
    [['replay', '--handler', 'ok.mjs'], 'replay takes exactly one scenario file (got none)'],
    [['replay', 'poison-record.scenario.json', '--handler'], "replay: Option '--handler <value>' argument missing"],
    [['replay', 'poison-record.scenario.json', '--handler', 'ok.mjs', '--seed', '3'], "replay: Unknown option '--seed'"],
    [['replay', 'nope.json', '--handler', 'ok.mjs'], 'nope.json: no such file'],
    [['replay', 'poison-record.scenario.json', '--handler', 'nope.mjs'], '--handler: no such module file "nope.mjs"'],
    [['replay', 'poison-record.scenario.json', '--handler', 'ok.mjs#missing'], '--handler: "ok.mjs" has no export "missing" (it exports "handler", "notAFunction")'],
    [['replay', 'poison-record.scenario.json', '--factory', 'ok.mjs'], '--factory: "ok.mjs" has no export "default" or "createHandler"'],
    [['replay', 'poison-record.scenario.json', '--handler', 'ok.mjs#notAFunction'], '--handler: export "notAFunction" of "ok.mjs" is a number, not a function'],
    [['replay', 'poison-record.scenario.json', '--handler', 'ok.mjs#'], '--handler: expected an export name after "#"'],
    [['replay', 'poison-record.scenario.json', '--handler', 'broken.mjs'], '--handler: cannot import "broken.mjs": boom at import'],
    [['replay', 'trace.json', '--handler', 'ok.mjs'], 'trace.json: is a stored trace, not a scenario'],
  ])('%j is a usage error', async (argv, message) => {
    copyFileSync(scenarioFile('poison-record'), join(dir, 'poison-record.scenario.json'));
    copyFileSync(trace('poison-record'), join(dir, 'trace.json'));
    const { code, stdout, stderr } = await run(argv, dir);
    expect(stdout).toBe('');
    expect(stderr).toContain(`shardcheck: ${message}`);
    expect(stderr).toContain(REPLAY_USAGE);
    expect(code).toBe(2);
  });
});

describe('help', () => {
  it.each([
    [['explain', '--help'], EXPLAIN_USAGE],
    [['explain', 'x.json', '-h'], EXPLAIN_USAGE],
    [['help', 'explain'], EXPLAIN_USAGE],
    [['replay', '--help'], REPLAY_USAGE],
    [['help', 'replay'], REPLAY_USAGE],
  ])('%j prints the command help', async (argv, usage) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(usage);
  });

  it('documents the exit codes and both commands in the main usage', async () => {
    const { stdout } = await run(['--help']);
    expect(stdout).toContain('  explain ');
    expect(stdout).toContain('  replay ');
    expect(stdout).toMatch(/^ {2}0 {2}pass/m);
    expect(stdout).toMatch(/^ {2}1 {2}an invariant was violated/m);
    expect(stdout).toMatch(/^ {2}2 {2}usage error/m);
    expect(REPLAY_USAGE).toMatch(/Exit codes: 0 pass, 1 invariant violated, 2 usage error/);
  });

  it('help for an unknown command is a usage error', async () => {
    const { code, stderr } = await run(['help', 'frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('no help for unknown command "frobnicate"');
  });
});

/** A user's TypeScript factory importing a sibling module by its .js name, as tsc wants. */
const TS_FACTORY = `import type { Store } from './deps.js';
export function createHandler(deps: { store: Store }) {
  return async (event: { Records: { dynamodb: { Keys: Record<string, { S?: string }> } }[] }): Promise<void> => {
    for (const record of event.Records) await deps.store.put(JSON.stringify(record.dynamodb.Keys));
  };
}
`;
const TS_DEPS = `export interface Store { readonly keys: Set<string>; put(key: string): Promise<void> }
export function deps(): { store: Store } {
  const keys = new Set<string>();
  return { store: { keys, async put(key: string) { keys.add(key); } } };
}
`;
const TS_INVARIANT = `import type { Store } from './deps.js';
export function invariant({ deps, model }: { deps: { store: Store }; model: { records: readonly { itemKey: string }[] } }): void {
  const items = new Set(model.records.map((r) => r.itemKey)).size;
  if (deps.store.keys.size !== items) throw new Error(\`saw \${deps.store.keys.size} of \${items} items\`);
}
`;
