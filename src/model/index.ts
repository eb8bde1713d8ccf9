export type { Model, EventName } from './Model.js';
export { buildModel } from './buildModel.js';
