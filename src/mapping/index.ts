export { simulate } from './simulate.js';
export type { SimulateOptions } from './Simulator.js';
export type { StreamHandler, StreamResponse, HandlerFactory, HandlerTarget, EnvironmentInfo } from './handlerTypes.js';
export { MAX_LOG_LINES } from './LogBook.js';
export { classifyResponse, type ResponseVerdict } from './classifyResponse.js';
export { MAX_PAYLOAD_BYTES } from './planBatch.js';
