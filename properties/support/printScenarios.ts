/* Prints `fc.sample(scenario(), { seed: 42, numRuns: 10 })` as stable JSON, for the fresh-process check. */
import fc from 'fast-check';
import { scenario } from '../../src/arbitraries/index.js';
import { stableJson } from './stableJson.js';

process.stdout.write(stableJson(fc.sample(scenario(), { seed: 42, numRuns: 10 })));
