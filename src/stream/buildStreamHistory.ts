import type { DynamoDBRecord } from 'aws-lambda';
import { Prng } from '../core/index.js';
import type { StreamConfig } from './streamConfig.js';
import { Table } from '../table/Table.js';
import type { TableOperation } from '../table/tableOperation.js';
import type { TableSpec } from '../table/tableSpec.js';
import { deepFreeze } from '../core/index.js';
import { jsonByteLength } from './jsonByteLength.js';
import { recordEvent } from './recordEvent.js';
import { SequenceCounter } from './SequenceCounter.js';
import { ShardTopology } from './ShardTopology.js';
import { streamArn } from './streamArn.js';
import type { ShardHistory, StreamHistory, StreamRecord } from './streamHistory.js';
import { streamTimeline } from './streamTimeline.js';
import { validateStreamInput } from './validateStreamInput.js';

export interface StreamHistoryInput {
  readonly table: TableSpec;
  readonly operations: readonly TableOperation[];
  readonly stream: StreamConfig;
  readonly simSeed: number;
  readonly startEpochMs: number;
}

/** Histories of inputs already built: the simulator and the model of one run share one. */
const built = new WeakMap<StreamHistoryInput, StreamHistory>();

/**
 * Everything the table's stream publishes over the scenario: shards with lineage (R7), records
 * with AWS-shaped events (R1–R5), sequence numbers (R9) and trim instants (R6). Pure: the same
 * input gives a deep-equal, deep-frozen history in any process; a frozen input object is built
 * once and its history shared.
 */
export function buildStreamHistory(input: StreamHistoryInput): StreamHistory {
  const cached = built.get(input);
  if (cached !== undefined) return cached;
  const history = build(input);
  if (Object.isFrozen(input)) built.set(input, history);
  return history;
}

function build(input: StreamHistoryInput): StreamHistory {
  validateStreamInput(input);
  const { stream, startEpochMs } = input;
  const prng = new Prng(input.simSeed).derive('stream');
  const topology = new ShardTopology(stream.shardCount, prng.derive('shardIds'), startEpochMs);
  const sequence = new SequenceCounter(prng.derive('sequenceNumbers'), stream.sequenceStart);
  const eventIds = uniqueHex(prng.derive('eventIds'));
  const table = new Table(input.table);
  const arn = streamArn(input.table, startEpochMs);
  const records: StreamRecord[] = [];
  const imageBytes = new WeakMap<object, number>();
  const byShard = new Map<number, StreamRecord[]>();
  for (const step of streamTimeline(input.operations, stream.topology)) {
    if (step.kind === 'topology') {
      topology.apply(step.event, step.path);
      continue;
    }
    const at = step.op.at;
    for (const change of table.apply(step.op, step.opIndex)) {
      const shard = topology.route(change.partitionKey).ordinal;
      const shardRecords = byShard.get(shard) ?? [];
      byShard.set(shard, shardRecords);
      const seq = sequence.take();
      const event = recordEvent(change, input.table, arn, { epochMs: startEpochMs + at, eventID: eventIds(), seq });
      const record: StreamRecord = {
        shard,
        index: shardRecords.length,
        ordinal: records.length,
        seq,
        createdAt: at,
        trimAt: at + stream.retentionMs + stream.trimLagMs,
        itemKey: change.itemKey,
        partitionKey: change.partitionKey,
        eventName: change.eventName,
        opIndex: change.opIndex,
        payloadBytes: jsonByteLength(event, imageBytes) + 1,
        event,
      };
      shardRecords.push(record);
      records.push(record);
    }
  }
  const shards = topology.shards.map((s): ShardHistory<DynamoDBRecord> => ({
    ordinal: s.ordinal,
    id: s.id,
    parents: s.parents,
    createdAt: s.createdAt,
    closedAt: s.closedAt,
    records: byShard.get(s.ordinal) ?? [],
  }));
  return deepFreeze({ kind: 'dynamodb', arn, shards, records });
}

/** 32-hex-character event ids, unique within the stream as AWS promises (R1). */
function uniqueHex(prng: Prng): () => string {
  const seen = new Set<string>();
  return () => {
    let id: string;
    do id = prng.hex(32);
    while (seen.has(id));
    seen.add(id);
    return id;
  };
}
