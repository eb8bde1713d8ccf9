export type { StreamRecord, ShardHistory, StreamHistory } from './streamHistory.js';
export { buildStreamHistory, type StreamHistoryInput } from './buildStreamHistory.js';
export { streamArn } from './streamArn.js';
export { shardHashOf } from './shardHashOf.js';
export type { TopologyEvent, StreamParameters, StreamConfig } from './streamConfig.js';
