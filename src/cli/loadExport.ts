import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerTypeScript, TYPESCRIPT_EXTENSIONS } from './registerTypeScript.js';
import { UsageError } from './usageError.js';

/** Loads a module by absolute file path and resolves to its namespace (exports). */
export type ModuleLoader = (file: string) => Promise<unknown>;

/**
 * The default {@link ModuleLoader}: a dynamic `import()` of the user's module (ES modules,
 * CommonJS, and TypeScript once {@link registerTypeScript} has registered the project's tsx). The
 * architecture test allows a run-time import target in this file and that one only.
 */
export const importModule: ModuleLoader = (file) => import(pathToFileURL(file).href);

/** `path/to/module.js#name` split at the last `#` (no `#`: no export named). */
export function parseModuleSpec(flag: string, spec: string): { readonly module: string; readonly exportName: string | undefined } {
  const at = spec.lastIndexOf('#');
  const module = at === -1 ? spec : spec.slice(0, at);
  const exportName = at === -1 ? undefined : spec.slice(at + 1);
  if (module === '') throw new UsageError(`${flag}: expected <module[#export]>, a module path before "#" (got ${JSON.stringify(spec)})`);
  if (exportName === '') throw new UsageError(`${flag}: expected an export name after "#" (got ${JSON.stringify(spec)})`);
  return { module, exportName };
}

/**
 * Imports `module` (a path relative to `cwd`) and returns the function it exports under
 * `#export`, or else under the first of `defaults` it has (for a CommonJS module, also a property
 * of its `module.exports`). Every problem is a {@link UsageError} naming the flag.
 */
export async function loadExport(flag: string, spec: string, defaults: readonly string[], cwd: string, load: ModuleLoader = importModule): Promise<(...args: never[]) => unknown> {
  const { module, exportName } = parseModuleSpec(flag, spec);
  const file = resolve(cwd, module);
  if (!existsSync(file)) throw new UsageError(`${flag}: no such module file ${JSON.stringify(module)} (paths are relative to ${cwd})`);
  // Registered before the first import: Node caches a failed import of a .ts file for good.
  if (load === importModule && TYPESCRIPT_EXTENSIONS.test(file)) await registerTypeScript(flag, module, cwd, file);
  let namespace: Record<string, unknown>;
  try {
    namespace = (await load(file)) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${flag}: cannot import ${JSON.stringify(module)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const names = exportName === undefined ? defaults : [exportName];
  const cjs = namespace.default !== null && typeof namespace.default === 'object' ? (namespace.default as Record<string, unknown>) : {};
  for (const name of names) {
    const value = namespace[name] ?? (name === 'default' ? undefined : cjs[name]);
    if (value === undefined) continue;
    if (typeof value !== 'function') throw new UsageError(`${flag}: export ${JSON.stringify(name)} of ${JSON.stringify(module)} is ${describe(value)}, not a function`);
    return value as (...args: never[]) => unknown;
  }
  const available = Object.keys(namespace).filter((key) => namespace[key] !== undefined);
  const wanted = names.map((name) => JSON.stringify(name)).join(exportName === undefined ? ' or ' : '');
  throw new UsageError(
    `${flag}: ${JSON.stringify(module)} has no export ${wanted} (it exports ${available.length === 0 ? 'nothing' : available.map((k) => JSON.stringify(k)).join(', ')}); name one with ${module}#<export>`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
