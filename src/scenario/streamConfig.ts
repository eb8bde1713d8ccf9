/** Stream parameters belong to the stream layer; re-exported here as part of the scenario input. */
export type { TopologyEvent, StreamParameters, StreamConfig } from '../stream/streamConfig.js';
