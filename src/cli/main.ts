import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ShardcheckError } from '../core/index.js';
import { runDemo } from './runDemo.js';
import { USAGE } from './usage.js';

/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/**
 * The `shardcheck` command line. Returns the exit code (0 ok, 1 check failed or error, 2 usage
 * error) and never exits the process itself.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command = 'demo', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h' || rest.includes('--help') || rest.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  if (command !== 'demo') return usageError(io, `unknown command ${JSON.stringify(command)}`);
  if (rest.length > 0) return usageError(io, `demo takes no arguments (got ${rest.map((a) => JSON.stringify(a)).join(' ')})`);
  try {
    return await runDemo(io.stdout);
  } catch (error) {
    io.stderr(`shardcheck: ${error instanceof ShardcheckError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

function usageError(io: CliIo, problem: string): number {
  io.stderr(`shardcheck: ${problem}\n\n${USAGE}`);
  return 2;
}

/** True when this module is the program Node was started with (`tsx src/cli/main.ts`). */
function isEntry(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) process.exitCode = await main(process.argv.slice(2));
