import type { Millis } from '../core/index.js';
import type { LogLine, LogSource } from '../trace/logLine.js';

/** At most this many lines are kept per simulation; the rest are counted (a logging loop in a hung handler must not exhaust memory). */
export const MAX_LOG_LINES = 10_000;

/** The console output of one simulation's invocations, taken while the simulation runs. */
export class LogBook {
  readonly lines: LogLine[] = [];
  dropped = 0;
  private open = true;

  constructor(private readonly clock: () => Millis) {}

  /** Keeps one line of `dispatch`; false once the simulation has ended (the caller prints it). */
  take(dispatch: number, source: string, text: string): boolean {
    if (!this.open) return false;
    if (this.lines.length >= MAX_LOG_LINES) this.dropped++;
    else this.lines.push({ dispatch, t: this.clock(), source: source as LogSource, text });
    return true;
  }

  close(): void {
    this.open = false;
  }
}
