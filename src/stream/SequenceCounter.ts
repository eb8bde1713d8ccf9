import { Prng, formatSeq, optionError, type SequenceNumber } from '../core/index.js';

const MAX_SEQ = 10n ** 40n - 1n;
// Gaps of at least 2 keep numbers non-contiguous, so `seq + 1` arithmetic in a handler is wrong.
const MIN_GAP = 2;
const MAX_GAP = 1000;

/**
 * One counter for the whole stream, so numbers are strictly increasing per shard and also grow
 * with publication time (R9).
 */
export class SequenceCounter {
  private next: bigint;
  private readonly start: bigint;

  constructor(private readonly prng: Prng, start: string | undefined) {
    this.start = start === undefined ? derivedStart(prng) : BigInt(start);
    this.next = this.start;
  }

  take(): SequenceNumber {
    const value = this.next;
    if (value > MAX_SEQ) {
      throw optionError('stream.sequenceStart', 'leaves too little room below 10^40 for this scenario; sequence numbers have at most 40 digits', formatSeq(this.start));
    }
    this.next = value + BigInt(this.prng.int(MIN_GAP, MAX_GAP));
    return formatSeq(value);
  }
}

/**
 * Half of the seeds start a few gaps below a power of ten, so the digit count grows during the
 * run and handlers that compare sequence numbers as strings fail.
 */
function derivedStart(prng: Prng): bigint {
  if (prng.chance(0.5)) {
    const power = 10n ** BigInt(prng.int(21, 30));
    return power - BigInt(prng.int(1, 2 * MAX_GAP));
  }
  const unit = 10n ** BigInt(prng.int(20, 29));
  return unit * BigInt(prng.int(1, 8)) + BigInt(`0x${prng.hex(32)}`) % unit;
}
