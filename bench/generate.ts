/*
 * Benchmark (not a test): how long the arbitraries take to import and to generate one scenario of
 * 100 operations (about 100 stream records). Run with `npx tsx bench/generate.ts`.
 */
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

// Timed separately so the faker share of start-up is visible (tsx also transpiles src on import).
const fakerStart = performance.now();
await import('@faker-js/faker/locale/en');
const fakerMs = performance.now() - fakerStart;
const importStart = performance.now();
const { scenario } = await import('../src/arbitraries/index.js');
const importMs = performance.now() - importStart;

const RUNS = 3000;
const arbitrary = scenario({ operations: { minLength: 100, maxLength: 100 } });
const generate = (seed: number) => arbitrary.generate(new fc.Random(xoroshiro128plus(seed)), undefined).value;

const coldStart = performance.now();
generate(-1);
const coldMs = performance.now() - coldStart;
for (let seed = 0; seed < 300; seed++) generate(seed);

const times: number[] = [];
for (let seed = 1000; seed < 1000 + RUNS; seed++) {
  const start = performance.now();
  generate(seed);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
const mean = times.reduce((sum, t) => sum + t, 0) / times.length;
console.log(`import of @faker-js/faker/locale/en: ${fakerMs.toFixed(1)} ms; then src/arbitraries and its engine modules: ${importMs.toFixed(1)} ms`);
console.log(`first scenario (cold, builds a faker vocabulary): ${coldMs.toFixed(2)} ms`);
console.log(`100-operation scenario over ${RUNS} runs: median ${at(0.5)} ms, p90 ${at(0.9)} ms, mean ${mean.toFixed(3)} ms`);
