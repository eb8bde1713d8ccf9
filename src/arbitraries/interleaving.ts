import fc from 'fast-check';
import { readInteger, readObject, rejectUnknownOptions } from '../core/index.js';

export interface InterleavingOptions {
  /** Most choices in the list; default 24. */
  maxLength?: number;
  /** Largest choice; default 7 (a choice picks option `choice mod n` among n pending ones). */
  maxChoice?: number;
}

/**
 * The scenario's interleaving: choices consumed in order wherever concurrent work could go
 * several ways (which ready invocation starts or settles first, which warm environment serves
 * it, which deferred dependency call runs). Once the list runs out the first option is always
 * taken, so it shrinks towards the empty list (no surprises) and choices towards 0.
 */
export function interleaving(options?: InterleavingOptions): fc.Arbitrary<number[]> {
  const o = readObject('interleaving.options', options ?? {});
  rejectUnknownOptions('interleaving.options', o, ['maxLength', 'maxChoice']);
  const maxLength = o.maxLength === undefined ? 24 : readInteger('interleaving.options.maxLength', o.maxLength, 0, 10_000);
  const maxChoice = o.maxChoice === undefined ? 7 : readInteger('interleaving.options.maxChoice', o.maxChoice, 0, 1_000_000);
  return fc.array(fc.nat({ max: maxChoice }), { maxLength });
}
