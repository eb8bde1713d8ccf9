/**
 * Run counts for the properties: small enough for CI (the folder stays well under 30 s on two
 * cores), large with SHARDCHECK_LONG=1 for long campaigns (`SHARDCHECK_LONG=1 npx vitest run properties`).
 */
export const LONG = process.env.SHARDCHECK_LONG === '1';

export function runs(ci: number, long: number): number {
  return LONG ? long : ci;
}

/** Per-test timeout that grows with the campaign. */
export const TIMEOUT_MS = LONG ? 30 * 60_000 : 60_000;
