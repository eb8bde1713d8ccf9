export interface FunctionParameters {
  functionName?: string;
  /** Seconds, 1..900; Lambda's default is 3. */
  timeout?: number;
  /** MB, 128..10240. */
  memorySize?: number;
}

export interface FunctionConfig {
  readonly functionName: string;
  readonly timeout: number;
  readonly memorySize: number;
  readonly functionArn: string;
}
