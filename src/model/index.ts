export type { Model, EventName, DiscardReason, DiscardedRecord } from './Model.js';
export { buildModel } from './buildModel.js';
