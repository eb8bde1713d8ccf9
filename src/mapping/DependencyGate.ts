import type { Millis, Prng } from '../core/index.js';
import type { FaultPlan } from '../faults/FaultPlan.js';
import type { DependencyErrorKind } from '../faults/faultSchedule.js';
import type { DependencyCallInfo, DependencyDecision } from '../faults/invocationContext.js';
import type { TraceWriter } from '../trace/TraceWriter.js';
import type { DependencyAction } from '../trace/traceEvent.js';
import type { Choices } from './Choices.js';
import type { Dispatch } from './Dispatch.js';

interface Parked {
  readonly dispatch: Dispatch;
  readonly call: number;
  readonly nth: number;
  readonly path: string;
  readonly release: () => void;
}

/**
 * Decides every dependency call a handler makes (dependency faults, docs/glossary.md): pass, reject before applying, apply
 * then reject, defer until the interleaving releases it, or crash the runtime after the k-th call.
 * Every call is recorded in the trace with the dispatch it belongs to.
 */
export class DependencyGate {
  private calls = 0;
  private parked: Parked[] = [];
  private wakeParkWaiter: (() => void) | undefined;

  constructor(
    private readonly faults: FaultPlan,
    private readonly trace: TraceWriter,
    private readonly choices: Choices,
    private readonly requestIds: Prng,
    private readonly clock: () => Millis,
  ) {}

  decide(d: Dispatch, info: DependencyCallInfo): DependencyDecision {
    const call = this.calls++;
    const nth = ++d.dependencyCalls;
    const record = (action: DependencyAction) =>
      this.trace.append({ type: 'dependency', t: this.clock(), dispatch: d.id, call, nth, path: info.path, action });
    if (d.dead) {
      record('dead');
      return { action: 'dead' };
    }
    const crashAt = d.fault?.kind === 'crash' ? d.fault.afterCalls : undefined;
    if (crashAt !== undefined && nth >= crashAt) {
      d.dead = true;
      d.crash();
      record(nth === crashAt ? 'crashed' : 'dead');
      return { action: nth === crashAt ? 'crashAfter' : 'dead' };
    }
    const fault = this.faults.forDependencyCall({ call, dispatch: d.id, nth, path: info.path, t: this.clock() });
    if (fault?.kind === 'reject' || fault?.kind === 'applyThenReject') {
      record(fault.kind === 'reject' ? 'rejected' : 'applied-then-rejected');
      const kind: DependencyErrorKind = fault.error ?? (fault.kind === 'reject' ? 'throttle' : 'timeout');
      return { action: fault.kind, error: { kind, requestId: this.requestIds.uuid() } };
    }
    // A synchronous member cannot wait, and nothing releases calls once the group has ended.
    if (fault?.kind !== 'defer' || !info.async || !d.groupActive) {
      record('called');
      return { action: 'call' };
    }
    record('deferred');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.parked.push({ dispatch: d, call, nth, path: info.path, release });
    this.wakeParkWaiter?.();
    return { action: 'defer', released };
  }

  get hasParked(): boolean {
    return this.parked.length > 0;
  }

  /** Releases one parked call, chosen by the interleaving. */
  releaseOne(): void {
    const [parked] = this.parked.splice(this.choices.pick(this.parked.length), 1);
    if (parked === undefined) return;
    // A call held back when its runtime died was never sent: it never runs nor returns.
    const action = parked.dispatch.dead ? 'dead' : 'released';
    this.trace.append({ type: 'dependency', t: this.clock(), dispatch: parked.dispatch.id, call: parked.call, nth: parked.nth, path: parked.path, action });
    if (action === 'released') parked.release();
  }

  /** Resolves as soon as a call is parked. */
  nextPark(): Promise<void> {
    return new Promise((resolve) => {
      this.wakeParkWaiter = () => {
        this.wakeParkWaiter = undefined;
        resolve();
      };
    });
  }

  /** At the end of a group, calls still parked (from floating promises) run in interleaving order. */
  releaseAll(): void {
    while (this.parked.length > 0) this.releaseOne();
  }
}
