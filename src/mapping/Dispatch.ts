import type { Millis } from '../core/index.js';
import type { InvocationFault } from '../faults/faultSchedule.js';
import type { Environment } from './EnvironmentPool.js';
import type { HandlerCall } from './runHandler.js';
import type { LaneState, Segment } from './ShardState.js';

/** One attempt to invoke the function for a record set, from start to completion. */
export interface Dispatch {
  readonly id: number;
  readonly lane: LaneState;
  readonly segment: Segment;
  /** The lane's generation at start: a completion from an older one is stale (R28). */
  readonly generation: number;
  readonly attempt: number;
  readonly requestId: string;
  readonly fault: InvocationFault | undefined;
  readonly startedAt: Millis;
  env: Environment | undefined;
  call: HandlerCall | undefined;
}
