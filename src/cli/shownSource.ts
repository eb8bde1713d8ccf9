import { existsSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How the CLI names one of shardcheck's own modules so the reader can open it: its TypeScript
 * source when that exists (a checkout, or the installed package, which ships `src/` next to
 * `dist/`), else the file that ran; relative to `cwd` when below it
 * (`node_modules/shardcheck/src/cli/examples/projectionHandler.ts`), else absolute.
 */
export function shownSource(moduleUrl: URL, cwd: string): string {
  const file = fileURLToPath(moduleUrl);
  const candidates = [file.replace(/\.js$/, '.ts'), file];
  const distAt = file.lastIndexOf(`${sep}dist${sep}`);
  if (distAt !== -1) candidates.unshift(`${file.slice(0, distAt)}${sep}src${sep}${file.slice(distAt + 6).replace(/\.js$/, '.ts')}`);
  const found = candidates.find((candidate) => existsSync(candidate)) ?? file;
  const rel = relative(cwd, found);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? found : rel.split(sep).join('/');
}
