import type { Millis } from '../core/index.js';
import type { DependencyFault, DependencyMatch, FaultSchedule, InvocationFault, InvocationMatch } from './faultSchedule.js';

/** What the simulator knows about a dispatch when it asks which fault fires. */
export interface DispatchFacts {
  readonly dispatch: number;
  readonly shard: number;
  readonly lane: number;
  readonly attempt: number;
  readonly records: readonly number[];
  readonly t: Millis;
}

/** What the simulator knows about a dependency call. */
export interface DependencyCallFacts {
  readonly call: number;
  readonly dispatch: number;
  readonly nth: number;
  readonly path: string;
}

/** Looks up the fault for a dispatch or a dependency call; the first matching fault with firings left wins. */
export class FaultPlan {
  private readonly fired: number[];
  private readonly firedDependencies: number[];

  constructor(private readonly schedule: FaultSchedule) {
    this.fired = schedule.invocations.map(() => 0);
    this.firedDependencies = schedule.dependencies.map(() => 0);
  }

  forDependencyCall(facts: DependencyCallFacts): DependencyFault | undefined {
    const faults = this.schedule.dependencies;
    for (let i = 0; i < faults.length; i++) {
      const fault = faults[i]!;
      if (fault.times !== undefined && this.firedDependencies[i]! >= fault.times) continue;
      if (!matchesCall(fault.match, facts)) continue;
      this.firedDependencies[i]!++;
      return fault;
    }
    return undefined;
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

function matchesCall(match: DependencyMatch, facts: DependencyCallFacts): boolean {
  return (
    (match.call === undefined || match.call === facts.call) &&
    (match.dispatch === undefined || match.dispatch === facts.dispatch) &&
    (match.nth === undefined || match.nth === facts.nth) &&
    (match.path === undefined || pathMatches(match.path, facts.path))
  );
}

/** `store` matches `store.put`; `ddb.send` matches `ddb.send(PutCommand)`. */
function pathMatches(pattern: string, path: string): boolean {
  return path === pattern || path.startsWith(`${pattern}.`) || path.startsWith(`${pattern}(`);
}
