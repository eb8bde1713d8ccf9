import {
  HOUR,
  deepFreeze,
  isSequenceNumber,
  optionError,
  readArray,
  readFinite,
  readInteger,
  readObject,
  readOneOf,
  rejectUnknownOptions,
} from '../core/index.js';
import type { StreamConfig, StreamParameters, TopologyEvent } from './streamConfig.js';

const KNOWN: readonly (keyof StreamParameters)[] = ['shardCount', 'topology', 'trimLagMs', 'sequenceStart'];
const EVENT_KEYS: readonly (keyof TopologyEvent)[] = ['kind', 'at', 'shard'];

/** DynamoDB keeps stream records for 24 hours and offers no setting for it (R6). */
export const STREAM_RETENTION_MS = 24 * HOUR;

/**
 * Shape checks only; whether a topology event names a shard that exists at that time is checked
 * when the stream is built, where the lineage is known.
 */
export function resolveStreamConfig(params: StreamParameters | undefined, path = 'stream'): StreamConfig {
  const p = readObject(path, params ?? {});
  if ('retentionMs' in p) {
    throw optionError(`${path}.retentionMs`, 'is fixed at 24 hours for DynamoDB streams (R6); use trimLagMs', p.retentionMs);
  }
  rejectUnknownOptions(path, p, KNOWN);
  const sequenceStart = p.sequenceStart;
  if (sequenceStart !== undefined && !isSequenceNumber(sequenceStart)) {
    throw optionError(`${path}.sequenceStart`, 'must be a decimal string of 21..40 digits (R9)', sequenceStart);
  }
  const topology = p.topology === undefined ? [] : readArray(`${path}.topology`, p.topology);
  return deepFreeze({
    shardCount: p.shardCount === undefined ? 1 : readInteger(`${path}.shardCount`, p.shardCount, 1, 64),
    topology: topology.map((event, i) => resolveTopologyEvent(event, `${path}.topology[${i}]`)),
    retentionMs: STREAM_RETENTION_MS,
    trimLagMs: p.trimLagMs === undefined ? 0 : readFinite(`${path}.trimLagMs`, p.trimLagMs),
    sequenceStart,
  });
}

function resolveTopologyEvent(value: unknown, path: string): TopologyEvent {
  const e = readObject(path, value);
  rejectUnknownOptions(path, e, EVENT_KEYS);
  return {
    kind: readOneOf(`${path}.kind`, e.kind, ['split', 'rollover'] as const),
    at: readFinite(`${path}.at`, e.at),
    shard: readInteger(`${path}.shard`, e.shard, 0),
  };
}
