/*
 * A hand-written stand-in for an AWS SDK v2 DocumentClient, shaped like the real one
 * (aws-sdk/lib/dynamodb/document_client.js): every operation goes through `makeServiceRequest`,
 * which builds an `AWS.Request` and sends it only when a callback is given; otherwise nothing is
 * sent until `.promise()` or `.send(callback)`. Requests complete on a later macrotask, as real
 * I/O does. Used to test fault injection into v2-style calls without installing aws-sdk v2.
 */

type Callback = (error: unknown, data?: unknown) => void;

/** What an `AWS.Request` offers a handler: lazy sending, events, chaining. */
export class FakeRequest {
  private sent: Promise<unknown> | undefined;
  private readonly listeners: string[] = [];

  constructor(private readonly run: () => unknown) {}

  promise(): Promise<unknown> {
    this.sent ??= new Promise((resolve, reject) =>
      setImmediate(() => {
        try {
          resolve(this.run());
        } catch (error) {
          reject(error);
        }
      }),
    );
    return this.sent;
  }

  send(callback?: Callback): void {
    this.promise().then(
      (data) => callback?.(null, data),
      (error: unknown) => callback?.(error, null),
    );
  }

  on(event: string, _listener: () => void): this {
    this.listeners.push(event);
    return this;
  }

  abort(): this {
    return this;
  }
}

export interface Item {
  readonly pk: string;
  readonly [attribute: string]: unknown;
}

/** A v2-style DocumentClient over an in-memory table; `log` lists the requests that really ran. */
export class FakeDocumentClient {
  readonly table = new Map<string, Item>();
  readonly log: string[] = [];

  /** As in the SDK: builds the request, sends it only when given a callback. */
  makeServiceRequest(operation: string, params: { Item?: Item; Key?: { pk: string } }, callback?: Callback): FakeRequest {
    const request = new FakeRequest(() => this.execute(operation, params));
    if (typeof callback === 'function') request.send(callback);
    return request;
  }

  put(params: { TableName: string; Item: Item }, callback?: Callback): FakeRequest {
    return this.makeServiceRequest('putItem', params, callback);
  }

  get(params: { TableName: string; Key: { pk: string } }, callback?: Callback): FakeRequest {
    return this.makeServiceRequest('getItem', params, callback);
  }

  /** A local helper: builds no request, so it is no dependency call. */
  createSet(values: readonly string[]): { values: readonly string[]; wrapperName: 'Set' } {
    return { values, wrapperName: 'Set' };
  }

  private execute(operation: string, params: { Item?: Item; Key?: { pk: string } }): unknown {
    if (operation === 'putItem') {
      this.log.push(`put ${params.Item!.pk}`);
      this.table.set(params.Item!.pk, params.Item!);
      return {};
    }
    this.log.push(`get ${params.Key!.pk}`);
    const item = this.table.get(params.Key!.pk);
    return item === undefined ? {} : { Item: item };
  }
}
