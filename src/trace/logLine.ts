import type { Millis } from '../core/index.js';

/** Where a captured line came from: a console method, or a direct `process.stdout/stderr` write. */
export type LogSource = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'dir' | 'stdout' | 'stderr';

/**
 * One line of console output the handler wrote during `simulate` (captured, not printed). Kept
 * beside the trace, never in it: traces stay byte-identical for one seed and the checker never
 * sees output.
 */
export interface LogLine {
  /** The invocation (dispatch id, as in the trace's invoke events) whose async context wrote it. */
  readonly dispatch: number;
  /** Virtual time at which it was written. */
  readonly t: Millis;
  readonly source: LogSource;
  /** As the console would print it (`util.format`), without the trailing newline. */
  readonly text: string;
}
