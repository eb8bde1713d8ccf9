import { describe, expect, it } from 'vitest';
import { resolveStreamConfig, STREAM_RETENTION_MS } from '../../src/scenario/resolveStreamConfig.js';
import type { StreamParameters } from '../../src/scenario/streamConfig.js';
import { errorMessage } from '../support/errorMessage.js';

const loose = (params: Record<string, unknown>): StreamParameters => params as StreamParameters;

describe('resolveStreamConfig', () => {
  it('defaults to one shard, no topology events and 24 h retention (R6)', () => {
    const config = resolveStreamConfig(undefined);
    expect(config).toEqual({
      shardCount: 1,
      topology: [],
      retentionMs: 24 * 60 * 60 * 1000,
      trimLagMs: 0,
      sequenceStart: undefined,
    });
    expect(STREAM_RETENTION_MS).toBe(86_400_000);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.topology)).toBe(true);
  });

  it('keeps given values', () => {
    const params: StreamParameters = {
      shardCount: 3,
      topology: [
        { kind: 'split', at: 0, shard: 0 },
        { kind: 'rollover', at: 1500.5, shard: 3 },
      ],
      trimLagMs: 250,
      sequenceStart: '1'.repeat(21),
    };
    const config = resolveStreamConfig(params);
    expect(config).toEqual({ ...params, retentionMs: STREAM_RETENTION_MS });
    expect(Object.isFrozen(config.topology[0])).toBe(true);
  });

  it.each([1, 64])('accepts shardCount %d', (shardCount) => {
    expect(resolveStreamConfig({ shardCount }).shardCount).toBe(shardCount);
  });

  it.each([0, 65, 2.5])('rejects shardCount %d', (shardCount) => {
    expect(errorMessage(() => resolveStreamConfig({ shardCount }))).toBe(
      `stream.shardCount must be an integer in 1..64 (got ${shardCount})`,
    );
  });

  it('validates trimLagMs', () => {
    expect(errorMessage(() => resolveStreamConfig({ trimLagMs: -1 }))).toBe('stream.trimLagMs must be a finite number >= 0 (got -1)');
    expect(errorMessage(() => resolveStreamConfig({ trimLagMs: Infinity }))).toBe(
      'stream.trimLagMs must be a finite number >= 0 (got Infinity)',
    );
  });

  it('accepts sequence starts of 21 and 40 digits and rejects others (R9)', () => {
    expect(resolveStreamConfig({ sequenceStart: '9'.repeat(40) }).sequenceStart).toBe('9'.repeat(40));
    for (const bad of ['1'.repeat(20), '1'.repeat(41), `${'1'.repeat(20)}a`]) {
      expect(errorMessage(() => resolveStreamConfig({ sequenceStart: bad }))).toBe(
        `stream.sequenceStart must be a decimal string of 21..40 digits (R9) (got ${JSON.stringify(bad)})`,
      );
    }
    expect(errorMessage(() => resolveStreamConfig(loose({ sequenceStart: 10 ** 22 })))).toBe(
      'stream.sequenceStart must be a decimal string of 21..40 digits (R9) (got 1e+22)',
    );
  });

  it('validates each topology event', () => {
    const at = (event: unknown) => errorMessage(() => resolveStreamConfig(loose({ topology: [{ kind: 'split', at: 0, shard: 0 }, event] })));
    expect(at({ kind: 'merge', at: 0, shard: 0 })).toBe('stream.topology[1].kind must be one of "split", "rollover" (got "merge")');
    expect(at({ kind: 'split', at: -1, shard: 0 })).toBe('stream.topology[1].at must be a finite number >= 0 (got -1)');
    expect(at({ kind: 'split', at: Number.NaN, shard: 0 })).toBe('stream.topology[1].at must be a finite number >= 0 (got NaN)');
    expect(at({ kind: 'split', at: 0, shard: -1 })).toBe('stream.topology[1].shard must be an integer >= 0 (got -1)');
    expect(at({ kind: 'split', at: 0, shard: 0.5 })).toBe('stream.topology[1].shard must be an integer >= 0 (got 0.5)');
    expect(at({ kind: 'split', at: 0, shard: 0, children: 2 })).toBe(
      'stream.topology[1].children is not a known option; valid options are kind, at, shard',
    );
    expect(at('split')).toBe('stream.topology[1] must be an object (got "split")');
    expect(errorMessage(() => resolveStreamConfig(loose({ topology: {} })))).toBe('stream.topology must be an array (got {})');
  });

  it('explains that retention is fixed (R6)', () => {
    expect(errorMessage(() => resolveStreamConfig(loose({ retentionMs: 1000 })))).toBe(
      'stream.retentionMs is fixed at 24 hours for DynamoDB streams (R6); use trimLagMs (got 1000)',
    );
  });

  it('lists valid options for unknown ones', () => {
    expect(errorMessage(() => resolveStreamConfig(loose({ shards: 2 })))).toBe(
      'stream.shards is not a known option; valid options are shardCount, topology, trimLagMs, sequenceStart',
    );
  });
});
