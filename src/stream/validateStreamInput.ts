import { isSequenceNumber, optionError, rejectUnknownKeys } from '../core/index.js';
import type { StreamHistoryInput } from './buildStreamHistory.js';

const MAX_SHARDS = 64;
// The largest instant a JavaScript Date (and so an ISO label) can hold.
const MAX_EPOCH_MS = 8.64e15;

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Rejects inputs the stream cannot be built from; the table checks the writes themselves. */
export function validateStreamInput(input: StreamHistoryInput): void {
  const { stream, operations } = input;
  if (!Number.isInteger(input.simSeed)) throw optionError('simSeed', 'must be an integer', input.simSeed);
  if (!Number.isInteger(input.startEpochMs) || !isTime(input.startEpochMs) || input.startEpochMs > MAX_EPOCH_MS) {
    throw optionError('startEpochMs', `must be an integer number of epoch milliseconds, 0..${MAX_EPOCH_MS}`, input.startEpochMs);
  }
  if (!Number.isInteger(stream.shardCount) || stream.shardCount < 1 || stream.shardCount > MAX_SHARDS) {
    throw optionError('stream.shardCount', `must be an integer 1..${MAX_SHARDS}`, stream.shardCount);
  }
  if (!isTime(stream.retentionMs) || stream.retentionMs === 0) {
    throw optionError('stream.retentionMs', 'must be a positive finite number of milliseconds', stream.retentionMs);
  }
  if (!isTime(stream.trimLagMs)) throw optionError('stream.trimLagMs', 'must be a finite number ≥ 0', stream.trimLagMs);
  if (stream.sequenceStart !== undefined && !isSequenceNumber(stream.sequenceStart)) {
    throw optionError('stream.sequenceStart', 'must be a decimal string of 21..40 digits', stream.sequenceStart);
  }
  if (!Array.isArray(stream.topology)) throw optionError('stream.topology', 'must be an array', stream.topology);
  stream.topology.forEach((event: unknown, index) => validateTopologyEvent(event, `stream.topology[${index}]`));
  if (!Array.isArray(operations)) throw optionError('operations', 'must be an array', operations);
  operations.forEach((op: unknown, index) => {
    const path = `operations[${index}]`;
    if (typeof op !== 'object' || op === null) throw optionError(path, 'must be a write object with a type and an at', op);
    const at = (op as { at?: unknown }).at;
    if (!isTime(at)) throw optionError(`${path}.at`, 'must be a finite number ≥ 0', at);
  });
}

function validateTopologyEvent(event: unknown, path: string): void {
  if (typeof event !== 'object' || event === null) throw optionError(path, 'must be { kind, at, shard }', event);
  rejectUnknownKeys(path, event, ['kind', 'at', 'shard']);
  const { kind, at, shard } = event as Record<string, unknown>;
  if (kind !== 'split' && kind !== 'rollover') throw optionError(`${path}.kind`, 'must be split or rollover', kind);
  if (!isTime(at)) throw optionError(`${path}.at`, 'must be a finite number ≥ 0', at);
  if (!Number.isInteger(shard)) throw optionError(`${path}.shard`, 'must be a shard ordinal (an integer)', shard);
}
