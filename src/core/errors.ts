/**
 * The one error type shardcheck throws for bad input. Messages follow `api: rule (got value)`,
 * e.g. `mapping.maximumRetryAttempts must be -1 or 0..10000 (got 10001)`.
 */
export class ShardcheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardcheckError';
  }
}

/** Renders a user value for an error message: short, quoted, never multi-line. */
export function describeValue(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined || typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `path rule (got value)`: the error every validator raises. */
export function optionError(path: string, rule: string, got: unknown): ShardcheckError {
  return new ShardcheckError(`${path} ${rule} (got ${describeValue(got)})`);
}

/** Unknown option names list the valid ones. */
export function rejectUnknownKeys(path: string, value: object, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const where = path === '' ? key : `${path}.${key}`;
      throw new ShardcheckError(`${where} is not a known option; valid options are ${known.join(', ')}`);
    }
  }
}
