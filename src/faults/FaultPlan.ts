import { Prng, type Millis } from '../core/index.js';
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
  readonly t: Millis;
}

/** Looks up the fault for a dispatch or a dependency call; the first matching fault with firings left wins. */
export class FaultPlan {
  private readonly invocations: FiringList<InvocationFault>;
  private readonly dependencies: FiringList<DependencyFault>;

  /** `seed` decides the calls a `probability` match picks, each call independently of the others. */
  constructor(
    schedule: FaultSchedule,
    private readonly seed = 0,
  ) {
    this.invocations = new FiringList(schedule.invocations);
    this.dependencies = new FiringList(schedule.dependencies);
  }

  forDependencyCall(facts: DependencyCallFacts): DependencyFault | undefined {
    return this.dependencies.fire((fault, index) => matchesCall(fault.match, facts) && this.drawn(fault.match.probability, index, facts.call));
  }

  forDispatch(facts: DispatchFacts): InvocationFault | undefined {
    return this.invocations.fire((fault) => matches(fault.match, facts));
  }

  /** A per-(fault, call) draw, so whether one call is picked never depends on the calls before it. */
  private drawn(probability: number | undefined, fault: number, call: number): boolean {
    return probability === undefined || new Prng(this.seed).derive(`${fault}:${call}`).chance(probability);
  }
}

/** Faults with an optional firing limit (`times`), each counted as it fires. */
class FiringList<F extends { readonly times?: number }> {
  private readonly fired: number[];

  constructor(private readonly faults: readonly F[]) {
    this.fired = faults.map(() => 0);
  }

  fire(matches: (fault: F, index: number) => boolean): F | undefined {
    for (let i = 0; i < this.faults.length; i++) {
      const fault = this.faults[i]!;
      if (fault.times !== undefined && this.fired[i]! >= fault.times) continue;
      if (!matches(fault, i)) continue;
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
    (match.path === undefined || pathMatches(match.path, facts.path)) &&
    (match.from === undefined || facts.t >= match.from) &&
    (match.to === undefined || facts.t < match.to)
  );
}

/** `store` matches `store.put`; `ddb.send` matches `ddb.send(PutCommand)`. */
function pathMatches(pattern: string, path: string): boolean {
  return path === pattern || path.startsWith(`${pattern}.`) || path.startsWith(`${pattern}(`);
}
