import { invariant } from './invariant.js';

/** A stream sequence number: a decimal string of 21..40 digits (R9). Compare only with {@link compareSeq}. */
export type SequenceNumber = string;

const DECIMAL = /^[0-9]+$/;

export function isSequenceNumber(value: unknown): value is SequenceNumber {
  return typeof value === 'string' && value.length >= 21 && value.length <= 40 && DECIMAL.test(value);
}

/**
 * Numeric comparison (R9): lexicographic order is wrong as soon as lengths differ. Equal-length
 * decimal strings compare like numbers, so BigInt is needed only for lengths that differ.
 */
export function compareSeq(a: SequenceNumber, b: SequenceNumber): number {
  if (a.length === b.length) return a < b ? -1 : a > b ? 1 : 0;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function seqToBigInt(seq: SequenceNumber): bigint {
  invariant(DECIMAL.test(seq), `not a sequence number: ${seq}`);
  return BigInt(seq);
}

/** Formats a BigInt as a sequence number padded to the DynamoDB minimum of 21 digits. */
export function formatSeq(value: bigint): SequenceNumber {
  invariant(value >= 0n, 'sequence numbers are non-negative');
  return value.toString().padStart(21, '0');
}
