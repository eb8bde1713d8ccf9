/*
 * Runs the fixed determinism scenario in a fresh process and prints its trace JSON on stdout, so
 * test/mapping/determinism.test.ts can compare it byte for byte with an in-process run.
 */
import { simulate } from '../../../src/mapping/simulate.js';
import { determinismScenario, deterministicFactory } from './determinismScenario.js';

async function main(): Promise<void> {
  const trace = await simulate(determinismScenario(), deterministicFactory());
  process.stdout.write(JSON.stringify(trace));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
