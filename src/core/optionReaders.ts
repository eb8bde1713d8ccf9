import { ShardcheckError, optionError, rejectUnknownKeys } from './errors.js';

/*
 * Readers shared by every option resolver. Each one either returns the value narrowed to its type
 * or throws `path rule (got value)`; callers decide defaults, so `undefined` is never accepted here.
 */

/** A plain object (not null, not an array). */
export function readObject(path: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw optionError(path, 'must be an object', value);
  }
  return value as Record<string, unknown>;
}

export function readArray(path: string, value: unknown, rule = 'must be an array'): readonly unknown[] {
  if (!Array.isArray(value)) throw optionError(path, rule, value);
  return value;
}

/** An integer in [min, max]; `rule` overrides the message for ranges with holes (e.g. `-1 or 60..604800`). */
export function readInteger(
  path: string,
  value: unknown,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
  rule: string = max === Number.MAX_SAFE_INTEGER ? `must be an integer >= ${min}` : `must be an integer in ${min}..${max}`,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw optionError(path, rule, value);
  }
  return value;
}

/** A finite number >= min (virtual milliseconds and the like). */
export function readFinite(path: string, value: unknown, min = 0, rule = `must be a finite number >= ${min}`): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw optionError(path, rule, value);
  }
  return value;
}

export function readBoolean(path: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw optionError(path, 'must be true or false', value);
  return value;
}

export function readOneOf<T extends string>(path: string, value: unknown, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw optionError(path, `must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`, value);
  }
  return value as T;
}

/**
 * `rejectUnknownKeys`, plus a hint for AWS's PascalCase spelling (`BatchSize`), which users copy
 * from CloudFormation and the AWS CLI. `camelNames` may add names that get the hint without being
 * valid (options that are rejected later with their own reason).
 */
export function rejectUnknownOptions(
  path: string,
  value: object,
  known: readonly string[],
  camelNames: readonly string[] = [],
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const camel = key.charAt(0).toLowerCase() + key.slice(1);
    if (camel !== key && (known.includes(camel) || camelNames.includes(camel))) {
      const where = path === '' ? key : `${path}.${key}`;
      throw new ShardcheckError(`${where} is not a known option; use camelCase: ${camel}`);
    }
  }
  rejectUnknownKeys(path, value, known);
}

/** Deep-freezes plain data built by a resolver (never user-owned objects). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Stream histories freeze millions of plain objects: for-in spares them an Object.values
    // array each, and on plain objects and arrays it sees exactly their own enumerable members.
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === Array.prototype) {
      for (const key in value) deepFreeze(value[key]);
    } else {
      for (const inner of Object.values(value)) deepFreeze(inner);
    }
  }
  return value;
}

/** Drops `undefined` fields, so resolved data has the same keys after a JSON round trip. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
