import type { Millis } from '../core/index.js';
import type { FunctionConfig } from '../scenario/functionConfig.js';
import type { TraceWriter } from '../trace/TraceWriter.js';
import type { Choices } from './Choices.js';
import type { DecidedOutcome } from './decideOutcome.js';
import type { DependencyGate } from './DependencyGate.js';
import type { Dispatch } from './Dispatch.js';
import { EnvironmentPool } from './EnvironmentPool.js';
import type { HandlerTarget } from './handlerTypes.js';
import { lambdaContext } from './lambdaContext.js';
import type { LogBook } from './LogBook.js';
import { nextMacrotask } from './realTime.js';
import { callHandler, type HandlerCall, type Stray } from './runHandler.js';

/**
 * Runs the handler for dispatches: picks execution environments from the function's pool, builds
 * each invocation's event and context, and records starts, cold starts and recycles.
 */
export class Invoker {
  private readonly pool = new EnvironmentPool();
  private running = true;

  constructor(
    private readonly target: HandlerTarget,
    private readonly fn: FunctionConfig,
    private readonly trace: TraceWriter,
    private readonly choices: Choices,
    private readonly gate: DependencyGate,
    private readonly guardMs: number,
    private readonly clock: () => Millis,
    /** Where invocations' console output goes; undefined to let it through. */
    private readonly logs: LogBook | undefined,
  ) {}

  /**
   * Starts every dispatch of the group concurrently (in the order given), waits until all settle
   * and stray rejections have surfaced, and stores each call on its dispatch.
   */
  async runGroup(group: readonly Dispatch[]): Promise<void> {
    for (const d of group) d.groupActive = true;
    let settled = false;
    const all = Promise.all(group.map((d) => this.start(d))).then((calls) => {
      settled = true;
      return calls;
    });
    // A harness error (a refused handler) rejects the group; it is rethrown below, never left unhandled.
    all.catch(() => undefined);
    // Let the handlers run until they settle or all wait on deferred calls; then the interleaving
    // picks which deferred call runs next (the interleaving, see docs/glossary.md).
    for (;;) {
      await nextMacrotask();
      if (settled) break;
      if (this.gate.hasParked) this.gate.releaseOne();
      else await Promise.race([all, this.gate.nextPark()]);
    }
    for (const d of group) d.groupActive = false;
    this.gate.releaseAll();
    const calls = await all;
    await nextMacrotask();
    group.forEach((d, i) => (d.call = calls[i]));
  }

  /** Returns the dispatch's environment to the pool, or retires it when the outcome killed it. */
  release(d: Dispatch, outcome: DecidedOutcome): void {
    const env = d.env;
    if (env === undefined) return;
    if (outcome.recycle !== undefined) {
      this.pool.recycle(env);
      this.trace.append({ type: 'env-recycle', t: this.clock(), env: env.id, reason: outcome.recycle });
    }
    this.pool.release(env);
  }

  reclaimIdle(): void {
    for (const env of this.pool.reclaimIdle()) this.trace.append({ type: 'env-recycle', t: this.clock(), env: env.id, reason: 'reclaim' });
  }

  /** After the run, stray failures can no longer go into the trace. */
  stop(): void {
    this.running = false;
  }

  private start(d: Dispatch): Promise<HandlerCall | undefined> {
    const t = this.clock();
    const shard = d.lane.shard.ordinal;
    const records = d.segment.records.map((r) => r.ordinal);
    // A literal, not a spread of a shared part: V8 builds it far faster, once per invocation.
    const invoke = (env: number | null) =>
      ({ type: 'invoke', t, id: d.id, shard, lane: d.lane.lane, attempt: d.attempt, records, requestId: d.requestId, duplicate: d.segment.duplicate, env }) as const;
    if (d.fault !== undefined) this.trace.append({ type: 'fault', t, kind: d.fault.kind, dispatch: d.id, shard });
    if (d.fault?.kind === 'throttle') {
      this.trace.append(invoke(null)); // R33: the function is never reached
      return Promise.resolve(undefined);
    }
    const { env, cold } = this.pool.acquire(this.choices);
    d.env = env;
    if (cold) this.trace.append({ type: 'env-start', t, env: env.id, dispatch: d.id });
    this.trace.append(invoke(env.id));
    if (d.fault?.kind === 'error') return Promise.resolve(undefined);
    const deadline = t + this.fn.timeout * 1000;
    return callHandler({
      dispatch: d.id,
      env,
      cold,
      target: this.target,
      runtime: this.fn.runtime,
      records: d.segment.records,
      context: lambdaContext(this.fn, d.requestId, `env${env.id}`, () => deadline - this.clock()),
      guardMs: this.guardMs,
      onLateStray: (stray) => this.lateStray(d, stray),
      dependencyCall: (info) => this.gate.decide(d, info),
      crashed: d.crashed,
      log: (source, text) => this.logs?.take(d.id, source, text) ?? false,
    });
  }

  private lateStray(d: Dispatch, stray: Stray): void {
    const detail = `${stray.error.errorType}: ${stray.error.errorMessage} (surfaced after the invocation ended)`;
    if (this.running) this.trace.append({ type: 'finding', t: this.clock(), kind: stray.kind, dispatch: d.id, detail });
    else process.emitWarning(`handler invocation ${d.id}: ${detail}`, 'ShardcheckWarning');
  }
}
