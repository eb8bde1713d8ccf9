import type { Millis } from '../core/index.js';
import type { FaultSchedule, InvocationFault, InvocationMatch } from './faultSchedule.js';

/** What the simulator knows about a dispatch when it asks which fault fires. */
export interface DispatchFacts {
  readonly dispatch: number;
  readonly shard: number;
  readonly lane: number;
  readonly attempt: number;
  readonly records: readonly number[];
  readonly t: Millis;
}

/** Looks up the invocation fault for a dispatch; the first matching fault with firings left wins. */
export class FaultPlan {
  private readonly fired: number[];

  constructor(private readonly schedule: FaultSchedule) {
    this.fired = schedule.invocations.map(() => 0);
  }

  forDispatch(facts: DispatchFacts): InvocationFault | undefined {
    const faults = this.schedule.invocations;
    for (let i = 0; i < faults.length; i++) {
      const fault = faults[i]!;
      if (fault.times !== undefined && this.fired[i]! >= fault.times) continue;
      if (!matches(fault.match, facts)) continue;
      this.fired[i]!++;
      return fault;
    }
    return undefined;
  }
}

function matches(match: InvocationMatch, facts: DispatchFacts): boolean {
  return (
    (match.dispatch === undefined || match.dispatch === facts.dispatch) &&
    (match.shard === undefined || match.shard === facts.shard) &&
    (match.lane === undefined || match.lane === facts.lane) &&
    (match.attempt === undefined || match.attempt === facts.attempt) &&
    (match.record === undefined || facts.records.includes(match.record)) &&
    (match.from === undefined || facts.t >= match.from) &&
    (match.to === undefined || facts.t < match.to)
  );
}
