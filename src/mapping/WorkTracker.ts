import { nextMacrotask } from './realTime.js';

/**
 * The work one invocation has in flight (its dependency calls), standing in for Node's event
 * loop, which the Lambda runtime waits to drain before it ends a callback-based invocation
 * (`callbackWaitsForEmptyEventLoop`). Timers and sockets the handler opens itself are not seen.
 * Most invocations never wait, so tracking only keeps the calls; waiting is paid for when needed.
 */
export class WorkTracker {
  private pending: PromiseLike<unknown>[] = [];

  track(work: PromiseLike<unknown>): void {
    this.pending.push(work);
  }

  /**
   * Resolves once everything tracked has settled and nothing new was started across two
   * macrotask turns, so that callbacks of settled calls have run and had the chance to start more.
   */
  async idle(): Promise<void> {
    for (;;) {
      await nextMacrotask();
      if (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        await Promise.allSettled(batch);
        continue;
      }
      await nextMacrotask();
      if (this.pending.length === 0) return;
    }
  }
}
