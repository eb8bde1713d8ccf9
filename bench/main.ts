/*
 * `npm run bench` (issue 6): every figure with its target and PASS/MISS, printed as one table and
 * written to bench/results.json with the machine it ran on. Not a test: nothing here asserts, and
 * vitest never picks these files up (no *.test.ts).
 *
 * In-process figures (1, 2, 3, 6, 7, 8) run the TypeScript sources under tsx; the child-process
 * figures (4, 5) run plain `node` on a tsc build of src, as a user's install would.
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { checkerThroughput } from './checkerThroughput.js';
import { coldStart } from './coldStart.js';
import { harnessOverhead } from './harnessOverhead.js';
import { propertyThroughput } from './propertyThroughput.js';
import { scale } from './scale.js';
import { shrinking } from './shrinking.js';
import { simulatorThroughput } from './simulatorThroughput.js';
import { buildForChildren, ROOT, sig, type Row } from './support.js';
import { virtualTime } from './virtualTime.js';

const started = performance.now();
const build = buildForChildren();
if (!build.ok) console.warn(`bench: ${build.detail}`);

type Figure = { readonly figure: number; readonly name: string; readonly run: () => Promise<Row | Row[]> };
const FIGURES: readonly Figure[] = [
  { figure: 1, name: 'simulator throughput', run: simulatorThroughput },
  { figure: 2, name: 'property throughput', run: propertyThroughput },
  { figure: 3, name: 'harness overhead', run: harnessOverhead },
  { figure: 4, name: 'cold start', run: () => coldStart(build.detail) },
  { figure: 5, name: 'scale', run: scale },
  { figure: 6, name: 'checker', run: checkerThroughput },
  { figure: 7, name: 'shrinking', run: shrinking },
  { figure: 8, name: 'virtual time', run: virtualTime },
];

const rows: Row[] = [];
for (const f of FIGURES) {
  const figureStart = performance.now();
  try {
    rows.push(...[await f.run()].flat());
  } catch (error) {
    // One broken figure (src is being edited concurrently) must not hide the others.
    rows.push({ figure: f.figure, name: f.name, value: `error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, target: '', ratio: '', status: 'MISS' });
  }
  process.stderr.write(`bench: figure ${f.figure} (${f.name}) took ${((performance.now() - figureStart) / 1000).toFixed(1)} s\n`);
}
const totalSeconds = (performance.now() - started) / 1000;

printTable(rows);
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, platform: `${process.platform}-${process.arch}` };
console.log(`\n${machine.cpu}, ${machine.cores} cores, node ${machine.node}; ${build.detail}; total ${totalSeconds.toFixed(0)} s`);
const results = { command: 'npm run bench', date: new Date().toISOString(), machine, build: build.detail, totalSeconds: sig(totalSeconds), figures: rows };
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('written to bench/results.json');

function printTable(table: readonly Row[]): void {
  const header = ['#', 'figure', 'measured', 'target', 'ratio', 'status'];
  const cells = table.map((r) => [String(r.figure), r.name, r.value, r.target, r.ratio, r.status]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((text, i) => text.padEnd(widths[i]!)).join(' │ ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const c of cells) console.log(line(c));
  console.log('\nHow each figure was measured:');
  for (const r of table) if (r.note !== undefined) console.log(`  ${r.figure} ${r.name}: ${r.note}`);
}
