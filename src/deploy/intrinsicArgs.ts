import { Unresolvable } from './deploymentError.js';

/* Argument checks shared by the intrinsic functions; each throws `Unresolvable` with what it needed. */

export function list(name: string, value: unknown, length?: number): unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length < length)) {
    throw new Unresolvable(`${name} needs a list${length === undefined ? '' : ` of ${length}`} (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** `Fn::GetAtt` in either form: `"A.B"` or `[A, B]` (B may itself be an intrinsic). */
export function splitGetAtt(arg: unknown, resolve: (v: unknown) => unknown = (v) => v): [string, string] {
  if (typeof arg === 'string') {
    const dot = arg.indexOf('.');
    if (dot > 0) return [arg.slice(0, dot), arg.slice(dot + 1)];
  } else if (Array.isArray(arg) && typeof arg[0] === 'string') {
    const attribute = resolve(arg[1]);
    if (typeof attribute === 'string') return [arg[0], attribute];
  }
  throw new Unresolvable(`Fn::GetAtt needs "Resource.Attribute" or [Resource, Attribute] (got ${JSON.stringify(arg)})`);
}

export function scalarText(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Unresolvable(`${name} needs a text value (got ${typeof value === 'symbol' ? 'AWS::NoValue' : JSON.stringify(value)})`);
}
