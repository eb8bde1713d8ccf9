/** Virtual milliseconds since the scenario's start. Never wall-clock time. */
export type Millis = number;

export const SECOND: Millis = 1000;
export const MINUTE: Millis = 60 * SECOND;
export const HOUR: Millis = 60 * MINUTE;

/** 2026-01-01T00:00:00Z: the default epoch that virtual time 0 maps to. */
export const DEFAULT_START_EPOCH_MS = 1_767_225_600_000;

/** ISO-8601 text of a virtual instant, for payloads that AWS timestamps. */
export function isoAt(startEpochMs: number, at: Millis): string {
  return new Date(startEpochMs + at).toISOString();
}

/** ISO-8601 with whole seconds, as DynamoDB batch info prints its arrival times. */
export function isoSecondsAt(startEpochMs: number, at: Millis): string {
  return new Date(Math.floor((startEpochMs + at) / SECOND) * SECOND).toISOString().replace('.000Z', 'Z');
}
