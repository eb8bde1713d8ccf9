import type { Choices } from './Choices.js';
import type { StreamHandler } from './handlerTypes.js';

export interface Environment {
  readonly id: number;
  /** Set once the cold start (factory call) succeeded. */
  handler: StreamHandler | undefined;
  busy: boolean;
  alive: boolean;
}

/**
 * One pool for the whole function, as on Lambda: an invocation takes any idle warm environment —
 * possibly one that last served another shard — or cold-starts a new one. Which one is a choice.
 */
export class EnvironmentPool {
  private readonly idle: Environment[] = [];
  private created = 0;

  /** The environment for the next invocation and whether it is a cold start. */
  acquire(choices: Choices): { env: Environment; cold: boolean } {
    const pick = choices.pick(this.idle.length + 1);
    const reused = this.idle[pick];
    if (reused !== undefined) {
      this.idle.splice(pick, 1);
      reused.busy = true;
      return { env: reused, cold: false };
    }
    const env: Environment = { id: this.created++, handler: undefined, busy: true, alive: true };
    return { env, cold: true };
  }

  release(env: Environment): void {
    env.busy = false;
    if (env.alive) this.idle.push(env);
  }

  /** Marks a busy environment as dead; it never returns to the pool. */
  recycle(env: Environment): void {
    env.alive = false;
  }

  /** Removes every idle environment and returns them. */
  reclaimIdle(): Environment[] {
    const reclaimed = this.idle.splice(0, this.idle.length);
    for (const env of reclaimed) env.alive = false;
    return reclaimed;
  }
}
