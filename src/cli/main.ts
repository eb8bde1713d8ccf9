import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ShardcheckError } from '../core/index.js';
import { explain } from './explain.js';
import { replay } from './replay.js';
import { runDemo } from './runDemo.js';
import { EXPLAIN_USAGE, REPLAY_USAGE, USAGE } from './usage.js';
import { UsageError } from './usageError.js';

/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Where relative file and module paths resolve from. Default `process.cwd()`. */
  readonly cwd?: string;
  /** How `replay` loads handler, deps and invariant modules (absolute path). Default: a dynamic `import()` (see `importModule`). */
  readonly importModule?: (file: string) => Promise<unknown>;
}

/** Each command's own help (`shardcheck <command> --help`, `shardcheck help <command>`). */
const COMMAND_USAGE: Readonly<Record<string, string>> = { demo: USAGE, explain: EXPLAIN_USAGE, replay: REPLAY_USAGE };

const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/**
 * The `shardcheck` command line. Returns the exit code (0 pass, 1 invariant violated or the
 * command failed while running, 2 usage error) and never exits the process itself.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command = 'demo', ...rest] = argv;
  if (command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return 0;
  }
  if (command === 'help') {
    const topic = rest[0];
    if (topic !== undefined && !Object.prototype.hasOwnProperty.call(COMMAND_USAGE, topic)) return usageError(io, `no help for unknown command ${JSON.stringify(topic)}`);
    io.stdout(topic === undefined ? USAGE : COMMAND_USAGE[topic]!);
    return 0;
  }
  const usage = Object.prototype.hasOwnProperty.call(COMMAND_USAGE, command) ? COMMAND_USAGE[command] : undefined;
  if (usage === undefined) return usageError(io, `unknown command ${JSON.stringify(command)}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(usage);
    return 0;
  }
  const cwd = io.cwd ?? process.cwd();
  try {
    if (command === 'explain') return explain(rest, io, cwd);
    if (command === 'replay') return await replay(rest, io, cwd);
    if (rest.length > 0) return usageError(io, `demo takes no arguments (got ${rest.map((a) => JSON.stringify(a)).join(' ')})`);
    return await runDemo(io.stdout, cwd);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message, usage);
    io.stderr(`shardcheck: ${error instanceof ShardcheckError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

function usageError(io: CliIo, problem: string, usage: string = USAGE): number {
  io.stderr(`shardcheck: ${problem}\n\n${usage}`);
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
