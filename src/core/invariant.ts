/** An internal consistency check: a failure is a bug in shardcheck, never in the user's code. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`shardcheck internal invariant violated: ${message}`);
}
