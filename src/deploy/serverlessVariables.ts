import type { DeploymentParameters } from './deployment.js';
import { Unresolvable } from './deploymentError.js';

export interface ServerlessContext {
  readonly doc: Readonly<Record<string, unknown>>;
  readonly parameters: DeploymentParameters;
  readonly stage: string;
  readonly region: string;
  readonly accountId: string;
}

const SOURCE = /^\s*(self|opt|sls|env|param|aws|file|cf|ssm|s3|strToBool|git)\s*:/;
const MAX_DEPTH = 20;

const NOT_A_VARIABLE: unique symbol = Symbol('not a serverless variable');

/** Text, or `${…}` with its comma-separated parts, each itself text and nested variables. */
type Part = string | { readonly raw: string; readonly params: readonly (readonly Part[])[] };

/**
 * Expands serverless.yml variables in a string: `self:` (a path into the file), `opt:`, `param:`
 * and `env:` (from `parameters`, by name), `sls:stage`, `aws:region`, `aws:accountId`, each with
 * its fallbacks (`${opt:stage, 'dev'}`), tried in order. A string that is exactly one variable
 * takes the variable's value, whatever its type. `${AWS::Region}` and `${Res.Arn}` are `Fn::Sub`'s
 * and stay. Sources read at deploy time (`ssm:`, `cf:`, `file:`, `s3:` …) are unresolvable unless
 * a fallback applies. The process environment is never read: a test's is not the deployment's.
 */
export function expandVariables(text: string, context: ServerlessContext, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Unresolvable(`serverless variables nest more than ${MAX_DEPTH} deep (a cycle?) in ${JSON.stringify(text)}`);
  if (!text.includes('${')) return text;
  const parts = parse(text, 0, false).parts;
  if (parts.length === 1 && typeof parts[0] !== 'string') {
    const value = evaluate(parts[0]!, context, depth);
    if (value === NOT_A_VARIABLE) return parts[0]!.raw;
    return typeof value === 'string' ? expandVariables(value, context, depth + 1) : value;
  }
  return parts.map((part) => textOf(part, context, depth, text)).join('');
}

function textOf(part: Part, context: ServerlessContext, depth: number, whole: string): string {
  if (typeof part === 'string') return part;
  const value = evaluate(part, context, depth);
  if (value === NOT_A_VARIABLE) return part.raw;
  const expanded = typeof value === 'string' ? expandVariables(value, context, depth + 1) : value;
  if (typeof expanded === 'string' || typeof expanded === 'number' || typeof expanded === 'boolean') return String(expanded);
  throw new Unresolvable(`${part.raw} is not text, so it cannot be part of ${JSON.stringify(whole)}`);
}

/** A variable's value: its reference, else the first fallback that has one. Not a variable (`${AWS::Region}`): its raw text. */
function evaluate(variable: Exclude<Part, string>, context: ServerlessContext, depth: number): unknown {
  const [reference, ...fallbacks] = variable.params;
  const head = reference!.map((p) => textOf(p, context, depth, variable.raw)).join('');
  if (!SOURCE.test(head)) return NOT_A_VARIABLE;
  let failure: Unresolvable | undefined;
  try {
    const first = lookup(head.trim(), context, depth);
    if (first !== undefined) return first;
  } catch (error) {
    if (!(error instanceof Unresolvable) || fallbacks.length === 0) throw error;
    failure = error;
  }
  for (const fallback of fallbacks) {
    const value = fallbackValue(fallback, context, depth);
    if (value !== undefined) return value;
  }
  throw failure ?? new Unresolvable(`${variable.raw} has no value here${fallbacks.length === 0 ? ' and no fallback' : ''}`);
}

function fallbackValue(param: readonly Part[], context: ServerlessContext, depth: number): unknown {
  const only = param.filter((p) => typeof p !== 'string' || p.trim() !== '');
  if (only.length === 1 && typeof only[0] !== 'string') {
    try {
      const value = evaluate(only[0]!, context, depth);
      return value === NOT_A_VARIABLE ? only[0]!.raw : value;
    } catch (error) {
      if (error instanceof Unresolvable) return undefined;
      throw error;
    }
  }
  const text = param.map((p) => textOf(p, context, depth, '')).join('').trim();
  return SOURCE.test(text) ? lookup(text, context, depth) : literal(text);
}

/** Parses from `i` to the end (or, inside a variable, to its closing brace). */
function parse(text: string, i: number, inside: boolean): { parts: Part[]; params: Part[][]; end: number } {
  const params: Part[][] = [[]];
  let buffer = '';
  let quote: string | undefined;
  const flush = (): void => {
    if (buffer !== '') params.at(-1)!.push(buffer);
    buffer = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (inside && (c === "'" || c === '"')) quote = c;
    else if (c === '$' && text[i + 1] === '{') {
      flush();
      const inner = parse(text, i + 2, true);
      params.at(-1)!.push({ raw: text.slice(i, inner.end + 1), params: inner.params });
      i = inner.end + 1;
      continue;
    } else if (inside && c === '}') {
      flush();
      return { parts: params[0]!, params, end: i };
    } else if (inside && c === ',') {
      flush();
      params.push([]);
      i++;
      continue;
    }
    buffer += c;
    i++;
  }
  if (inside) throw new Unresolvable(`unclosed \${ in ${JSON.stringify(text)}`);
  flush();
  return { parts: params[0]!, params, end: i };
}

function lookup(reference: string, context: ServerlessContext, depth: number): unknown {
  const colon = reference.indexOf(':');
  const source = reference.slice(0, colon).trim();
  const address = reference.slice(colon + 1).trim();
  switch (source) {
    case 'self':
      return selfPath(context.doc, address, context, depth);
    case 'opt':
    case 'param':
    case 'env':
      return context.parameters[address];
    case 'sls':
      return address === 'stage' ? context.stage : undefined;
    case 'aws':
      return address === 'region' ? context.region : address === 'accountId' ? context.accountId : undefined;
    default:
      throw new Unresolvable(`\${${reference}} is read at deploy time (${source}:); pass the value it stands for in \`parameters\` or give the variable a fallback`);
  }
}

function selfPath(doc: unknown, address: string, context: ServerlessContext, depth: number): unknown {
  let node: unknown = doc;
  for (const key of address === '' ? [] : address.split('.')) {
    if (typeof node === 'string') node = expandVariables(node, context, depth + 1);
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function literal(text: string): unknown {
  const quoted = /^'(.*)'$|^"(.*)"$/.exec(text);
  if (quoted !== null) return quoted[1] ?? quoted[2];
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '') return undefined;
  return text;
}
