import type { Callback, Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

/** The response a stream handler gives Lambda: `batchItemFailures` with ReportBatchItemFailures, or nothing. */
export type StreamResponse = DynamoDBBatchResponse | void;

/**
 * The real Lambda signature, as `Handler` in `@types/aws-lambda`: an async handler
 * `(event, context) => Promise<response>`, or a callback-based one `(event, context, callback)`
 * that calls `callback(error)` or `callback(null, response)` (Node.js 20 and 22 runtimes; the
 * Node.js 24 runtime refuses it). A non-async handler's return value is ignored on Node.js 20
 * and 22, as on AWS: respond through the callback or return a promise.
 */
export type StreamHandler = (event: DynamoDBStreamEvent, context: Context, callback: Callback<StreamResponse>) => void | Promise<StreamResponse>;

/** What a cold start knows about the environment it creates. */
export interface EnvironmentInfo {
  readonly env: number;
}

/**
 * A handler factory is called once per execution environment (cold start), so module state behaves
 * as on Lambda: kept while warm, lost when the environment is recycled.
 */
export interface HandlerFactory {
  createHandler(env: EnvironmentInfo): StreamHandler | Promise<StreamHandler>;
}

export type HandlerTarget = StreamHandler | HandlerFactory;
