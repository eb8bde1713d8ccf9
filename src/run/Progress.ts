import type { Budget } from './Budget.js';

const EVERY_MS = 1_000;

/** `verbose` progress: at most one line a second while searching or shrinking, then a last line. */
export class Progress {
  private lastPrinted = 0;
  private readonly log: ((line: string) => void) | undefined;

  constructor(
    private readonly label: string,
    private readonly budget: Budget,
    log: ((line: string) => void) | undefined,
  ) {
    this.log = log;
  }

  /** Always printed when verbose. */
  note(text: string): void {
    this.log?.(`shardcheck: ${this.label}: ${text}`);
  }

  run(done: number, of: number): void {
    this.tick(() => `${done}/${of} runs, ${seconds(this.budget.elapsedMs())} of a ${seconds(this.budget.totalMs)} budget`);
  }

  shrink(steps: number): void {
    this.tick(() => `shrinking: ${steps} steps, ${seconds(this.budget.elapsedMs())} of a ${seconds(this.budget.totalMs)} budget`);
  }

  private tick(text: () => string): void {
    if (this.log === undefined) return;
    const now = this.budget.elapsedMs();
    if (now - this.lastPrinted < EVERY_MS) return;
    this.lastPrinted = now;
    this.note(text());
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
