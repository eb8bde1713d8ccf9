/**
 * Lambda's Node.js runtime, which decides how the handler is called: `nodejs20.x` and
 * `nodejs22.x` (the default) also run callback-based handlers `(event, context, callback)`;
 * `nodejs24.x` refuses them (the simulation fails at once, naming the handler) and uses a
 * synchronous return value as the response.
 */
export type LambdaRuntime = 'nodejs20.x' | 'nodejs22.x' | 'nodejs24.x';

export interface FunctionParameters {
  functionName?: string;
  /** Seconds, 1..900; Lambda's default is 3. */
  timeout?: number;
  /** MB, 128..10240. */
  memorySize?: number;
  /** Default `nodejs22.x`. */
  runtime?: LambdaRuntime;
}

export interface FunctionConfig {
  readonly functionName: string;
  readonly timeout: number;
  readonly memorySize: number;
  readonly runtime: LambdaRuntime;
  readonly functionArn: string;
}
