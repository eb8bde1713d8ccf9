import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './usageError.js';

/** Extensions Node cannot load by itself (Node 20 has no type stripping). */
export const TYPESCRIPT_EXTENSIONS = /\.(ts|mts|cts|tsx)$/;

/** The fix printed when a TypeScript module cannot be loaded. */
export const TSX_FIX = 'npm i -D tsx';

interface TsxApi {
  register: () => unknown;
}

/** Where tsx was registered from, once per process (registering twice would stack its hooks). */
let registered: Promise<void> | undefined;

/**
 * Makes `import()` of TypeScript modules work, the way `tsx` does for a script: registers tsx's
 * CommonJS and ES module loaders through its API. tsx is resolved from the user's project (`cwd`,
 * then the module's own folder), never from shardcheck's dependencies, so the user's tsx version
 * and tsconfig apply. Without tsx, fails at once with the command that adds it.
 */
export function registerTypeScript(flag: string, module: string, cwd: string, file: string): Promise<void> {
  registered ??= load(flag, module, cwd, file).catch((error: unknown) => {
    registered = undefined;
    throw error;
  });
  return registered;
}

async function load(flag: string, module: string, cwd: string, file: string): Promise<void> {
  const root = tsxRoot(cwd) ?? tsxRoot(dirname(file));
  if (root === undefined) {
    throw new UsageError(
      `${flag}: ${JSON.stringify(module)} is TypeScript, which Node cannot load by itself, and tsx is not installed in your project: run \`${TSX_FIX}\` (shardcheck then loads .ts modules through it), or pass the compiled .js module`,
    );
  }
  // Both loaders, as the tsx command does: a .ts file in a CommonJS package is loaded as CommonJS.
  for (const api of ['./cjs/api', './esm/api']) {
    const target = importTarget(root, api);
    const loaded = (await import(pathToFileURL(join(root, target)).href)) as TsxApi;
    loaded.register();
  }
}

/** The folder of the tsx package that `cwd` resolves, if any. */
function tsxRoot(cwd: string): string | undefined {
  try {
    return dirname(createRequire(join(cwd, 'package.json')).resolve('tsx/package.json'));
  } catch {
    return undefined;
  }
}

/** The file tsx exports `subpath` as for `import` (resolved by hand: `require.resolve` would pick its CommonJS build). */
function importTarget(root: string, subpath: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string; exports?: Record<string, unknown> };
  const entry = manifest.exports?.[subpath];
  const target = conditionTarget(entry);
  if (target === undefined || !existsSync(join(root, target))) {
    throw new UsageError(`tsx ${manifest.version ?? ''} in ${root} has no ${subpath} entry point for import (shardcheck needs tsx 4); update it: ${TSX_FIX}@latest`);
  }
  return target;
}

function conditionTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (entry === null || typeof entry !== 'object') return undefined;
  const conditions = entry as Record<string, unknown>;
  return conditionTarget(conditions.import) ?? conditionTarget(conditions.default);
}
