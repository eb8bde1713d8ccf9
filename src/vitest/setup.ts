import { inject } from 'vitest';
import { setPluginDefaults } from '../run/index.js';
import { registerMatchers } from './matchers.js';
import { provideTestContext } from './testContextProvider.js';
import { jobSeed, PROVIDE_KEY, type ShardcheckProvided } from './provided.js';

/*
 * The plugin's setup file, run in every test file: registers the matcher, tells checks which test
 * they run in (through vitest's public getCurrentTest) and hands over the plugin's defaults.
 */
registerMatchers();
provideTestContext();
const provided = readProvided();
if (provided !== undefined) {
  const seed = jobSeed({ ...provided, seed: provided.defaults.seed });
  setPluginDefaults({ ...provided.defaults, ...(seed === undefined ? {} : { seed }) });
}

function readProvided(): ShardcheckProvided | undefined {
  try {
    return inject(PROVIDE_KEY);
  } catch {
    return undefined;
  }
}
