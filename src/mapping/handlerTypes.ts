import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

/** The real Lambda signature (callbacks are not supported, as in the Node.js 24 runtime). */
export type StreamHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<DynamoDBBatchResponse | void> | DynamoDBBatchResponse | void;

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
