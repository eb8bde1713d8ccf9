import type { Millis, SequenceNumber } from '../core/index.js';

/** Outcome classes of one dispatch (R31). */
export type OutcomeClass = 'NOT_INVOKED' | 'FUNCTION_ERROR' | 'OK_SUCCESS' | 'OK_PARTIAL' | 'OK_MALFORMED';

export type DiscardCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

export type EnvironmentRecycleReason = 'timeout' | 'crash' | 'unhandled-rejection' | 'hung' | 'init-failure' | 'reclaim';

/** Problems with the user's handler that the harness observed; reported, never fatal. */
export type FindingKind =
  | 'event-mutated'
  | 'handler-hung'
  | 'non-error-thrown'
  | 'floating-rejection'
  | 'uncaught-exception'
  | 'init-failed'
  | 'response-not-serializable';

/**
 * What happened to a dependency call: passed through, rejected before applying, applied then
 * rejected, deferred (and later released), applied as the last act of a crashing runtime, or not
 * run at all because the runtime had died.
 */
export type DependencyAction = 'called' | 'rejected' | 'applied-then-rejected' | 'deferred' | 'released' | 'crashed' | 'dead';

/** JSON-safe description of an error the handler raised. */
export interface ErrorInfo {
  readonly errorType: string;
  readonly errorMessage: string;
}

/** Records are referenced by their stream ordinal (see `Trace.records`). */
export type RecordRef = number;

export type TraceEvent =
  | { readonly type: 'shard-ready'; readonly t: Millis; readonly shard: number; readonly from: 'TRIM_HORIZON' | 'LATEST'; readonly startIndex: number }
  | { readonly type: 'poll'; readonly t: Millis; readonly shard: number; readonly lane: number; readonly records: readonly RecordRef[] }
  | { readonly type: 'batch'; readonly t: Millis; readonly shard: number; readonly lane: number; readonly records: readonly RecordRef[]; readonly cut: 'size' | 'payload' | 'window' | 'available' }
  | {
      readonly type: 'invoke';
      readonly t: Millis;
      readonly id: number;
      readonly shard: number;
      readonly lane: number;
      /** Environment serving it; null when the dispatch never reached the function. */
      readonly env: number | null;
      readonly attempt: number;
      readonly records: readonly RecordRef[];
      readonly requestId: string;
      readonly duplicate: boolean;
    }
  | {
      readonly type: 'result';
      readonly t: Millis;
      readonly id: number;
      readonly outcome: OutcomeClass;
      readonly response?: unknown;
      readonly error?: ErrorInfo;
      /** OK_PARTIAL: lowest reported sequence number (R38). */
      readonly lowest?: SequenceNumber;
      /** The fault that decided this outcome, if any. */
      readonly fault?: string;
    }
  | { readonly type: 'checkpoint'; readonly t: Millis; readonly shard: number; readonly seq: SequenceNumber; readonly record: RecordRef }
  | { readonly type: 'bisect'; readonly t: Millis; readonly shard: number; readonly lane: number; readonly left: readonly RecordRef[]; readonly right: readonly RecordRef[] }
  | {
      readonly type: 'discard';
      readonly t: Millis;
      readonly shard: number;
      readonly lane: number;
      readonly records: readonly RecordRef[];
      readonly condition: DiscardCondition;
      /** The OnFailure destination message; null when no destination is configured. */
      readonly payload: OnFailureMessage | null;
    }
  | { readonly type: 'trim'; readonly t: Millis; readonly shard: number; readonly records: readonly RecordRef[] }
  | { readonly type: 'fault'; readonly t: Millis; readonly kind: string; readonly dispatch?: number; readonly shard?: number }
  | { readonly type: 'env-start'; readonly t: Millis; readonly env: number; readonly dispatch: number }
  | { readonly type: 'env-recycle'; readonly t: Millis; readonly env: number; readonly reason: EnvironmentRecycleReason }
  | { readonly type: 'mapping'; readonly t: Millis; readonly state: 'disabled' | 'enabled' | 'restarted' }
  | {
      readonly type: 'dependency';
      readonly t: Millis;
      readonly dispatch: number;
      /** Run-wide call number, in the order the handler made the calls. */
      readonly call: number;
      /** 1-based position of the call within its dispatch. */
      readonly nth: number;
      readonly path: string;
      readonly action: DependencyAction;
    }
  | { readonly type: 'finding'; readonly t: Millis; readonly kind: FindingKind; readonly dispatch: number | null; readonly detail: string }
  | { readonly type: 'end'; readonly t: Millis; readonly reason: 'drained' | 'stalled' | 'limit' };

/** The OnFailure invocation record for a DynamoDB source (R41). */
export interface OnFailureMessage {
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: DiscardCondition;
    readonly approximateInvokeCount: number;
  };
  readonly responseContext?: {
    readonly statusCode: number;
    readonly executedVersion: string;
    readonly functionError?: string;
  };
  readonly version: '1.0';
  readonly timestamp: string;
  readonly DDBStreamBatchInfo: {
    readonly shardId: string;
    readonly startSequenceNumber: SequenceNumber;
    readonly endSequenceNumber: SequenceNumber;
    readonly approximateArrivalOfFirstRecord: string;
    readonly approximateArrivalOfLastRecord: string;
    readonly batchSize: number;
    readonly streamArn: string;
  };
  /** S3 destinations only: the invocation event. */
  readonly payload?: unknown;
}
