export { ShardcheckError, optionError, rejectUnknownKeys, describeValue } from './errors.js';
export { invariant } from './invariant.js';
export { type Millis, SECOND, MINUTE, HOUR, DEFAULT_START_EPOCH_MS, isoAt, isoSecondsAt } from './time.js';
export { type SequenceNumber, compareSeq, seqToBigInt, formatSeq, isSequenceNumber } from './sequenceNumber.js';
export { fnv1a32 } from './hash.js';
export { processWide } from './processWide.js';
export { Prng } from './prng.js';
export {
  readObject,
  readArray,
  readInteger,
  readFinite,
  readBoolean,
  readOneOf,
  rejectUnknownOptions,
  deepFreeze,
  withoutUndefined,
} from './optionReaders.js';
export { formatItemKey, formatKeyText } from './formatItemKey.js';
