import { describeValue, ShardcheckError } from '../core/index.js';

/** `deployment: <file>: <where> <rule> (got <value>)`: every error about a user's deployment file. */
export function deploymentError(file: string, where: string, rule: string, ...got: [unknown] | []): ShardcheckError {
  const subject = where === '' ? '' : `${where} `;
  const value = got.length === 1 ? ` (got ${describeValue(got[0])})` : '';
  return new ShardcheckError(`deployment: ${file}: ${subject}${rule}${value}`);
}

/** A value the resolver cannot compute from the file alone; `reason` says why. Caught and re-thrown with its place. */
export class Unresolvable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Unresolvable';
  }
}
