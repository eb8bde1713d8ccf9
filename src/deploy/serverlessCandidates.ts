import type { Candidate } from './candidate.js';
import type { DeploymentParameters } from './deployment.js';
import { deploymentError, Unresolvable } from './deploymentError.js';
import { finishDeployment } from './finishDeployment.js';
import { Intrinsics } from './Intrinsics.js';
import { PropertyBag } from './PropertyBag.js';
import { readServerlessStream } from './readServerlessStream.js';
import { readTable } from './readTable.js';
import { expandVariables, type ServerlessContext } from './serverlessVariables.js';
import { streamTarget, type StreamTarget } from './streamTarget.js';

/**
 * The `stream` events of a serverless.yml's `functions`, each a candidate named by the function's
 * key and its deployed name (`name`, or `<service>-<stage>-<key>` as the framework names it).
 * CloudFormation in `resources` (the table, queues) is read as a template, and serverless
 * variables are expanded wherever the file is read.
 */
export function serverlessCandidates(file: string, doc: Readonly<Record<string, unknown>>, parameters: DeploymentParameters): Candidate[] {
  const setting = (path: string, value: unknown, fallback: string): string => {
    const v = value === undefined ? fallback : expandAt(file, path, value, { doc, parameters, stage: fallback, region: 'us-east-1', accountId: '123456789012' });
    if (typeof v !== 'string' && typeof v !== 'number') throw deploymentError(file, path, 'must be text', v);
    return String(v);
  };
  const provider = (doc.provider ?? {}) as Record<string, unknown>;
  const stage = typeof parameters.stage === 'string' ? parameters.stage : setting('provider.stage', provider.stage, 'dev');
  const region = typeof parameters.region === 'string' ? parameters.region : setting('provider.region', provider.region, 'us-east-1');
  const context: ServerlessContext = { doc, parameters, stage, region, accountId: '123456789012' };
  const service = setting('service', typeof doc.service === 'object' && doc.service !== null ? (doc.service as { name?: unknown }).name : doc.service, 'service');
  const resources = (doc.resources ?? {}) as Record<string, unknown>;
  const intrinsics = new Intrinsics({
    template: resources,
    parameters,
    location: { region, accountId: context.accountId, stackName: `${service}-${stage}` },
    expand: (text) => expandVariables(text, context),
  });
  const functions = (doc.functions ?? {}) as Record<string, { events?: unknown; name?: unknown } | null>;
  const out: Candidate[] = [];
  for (const [key, fn] of Object.entries(functions)) {
    const events = Array.isArray(fn?.events) ? (fn.events as unknown[]) : [];
    events.forEach((event, index) => {
      if (typeof event !== 'object' || event === null || !('stream' in event)) return;
      const resource = `functions.${key}.events[${index}]`;
      const name = deployedName(fn, intrinsics, `${service}-${stage}-${key}`);
      out.push({
        file,
        resource,
        names: [key, ...(name === undefined ? [] : [name]), resource],
        label: `${resource} (function ${key})`,
        read: () => readStreamEvent({ file, intrinsics, provider, key, fn, resource, functionName: name ?? `${service}-${stage}-${key}` }, (event as { stream: unknown }).stream),
      });
    });
  }
  return out;
}

interface StreamEventPlace {
  readonly file: string;
  readonly intrinsics: Intrinsics;
  readonly provider: Record<string, unknown>;
  /** The function's key under `functions`, its settings and its deployed name. */
  readonly key: string;
  readonly fn: Record<string, unknown> | null;
  readonly functionName: string;
  /** `functions.<key>.events[<i>]`. */
  readonly resource: string;
}

/** One `stream` event (an object, or the ARN alone) with its function and, when `resources` defines it, its table. */
function readStreamEvent(at: StreamEventPlace, stream: unknown) {
  const { file, intrinsics, resource } = at;
  const written = typeof stream === 'object' && stream !== null ? (stream as Record<string, unknown>) : { arn: stream };
  const bag = new PropertyBag(file, `${resource}.stream`, written, intrinsics);
  const declared = bag.value('type');
  if (declared !== undefined && declared !== 'dynamodb' && declared !== 'kinesis') throw bag.error('type', 'must be dynamodb or kinesis', declared);
  const target = streamTarget(bag, 'arn', declared) as Extract<StreamTarget, { kind: 'stream' }>;
  const read = readServerlessStream(bag, target.source);
  const table = target.source === 'dynamodb' && target.table !== undefined ? readTable(intrinsics, file, target.table, read.warnings, `resources.Resources.${target.table}`) : undefined;
  if (target.source === 'dynamodb' && table === undefined) read.warnings.push(`deployment: ${file}: ${resource}: the table is not defined in this file (stream ${target.arn ?? '?'}); give \`table\` with its key schema`);
  const functionBag = new PropertyBag(file, `functions.${at.key}`, { ...pickProvider(at.provider), ...(at.fn ?? {}) }, intrinsics);
  return finishDeployment({
    source: target.source,
    mapping: read.mapping,
    function: readServerlessFunction(functionBag, at.functionName),
    ...(table === undefined ? {} : { table }),
    origin: { file, resource, function: at.key },
    unsupported: read.unsupported,
    warnings: read.warnings,
  });
}

function expandAt(file: string, path: string, value: unknown, context: ServerlessContext): unknown {
  try {
    return typeof value === 'string' ? expandVariables(value, context) : value;
  } catch (error) {
    if (error instanceof Unresolvable) throw deploymentError(file, path, `cannot be resolved: ${error.reason}`, value);
    throw error;
  }
}

function deployedName(fn: { name?: unknown } | null, intrinsics: Intrinsics, fallback: string): string | undefined {
  if (fn?.name === undefined) return fallback;
  try {
    const name = intrinsics.resolve(fn.name);
    return typeof name === 'string' ? name : undefined;
  } catch (error) {
    if (error instanceof Unresolvable) return undefined;
    throw error;
  }
}

/** The provider-wide defaults a function inherits. */
function pickProvider(provider: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (provider.timeout !== undefined) out.timeout = provider.timeout;
  if (provider.memorySize !== undefined) out.memorySize = provider.memorySize;
  return out;
}

/** Timeout and memory with the Serverless Framework's defaults (6 s, 1024 MB), which differ from Lambda's. */
function readServerlessFunction(bag: PropertyBag, name: string): { functionName: string; timeout: number; memorySize: number } {
  const integer = (key: string, min: number, max: number, unit: string, fallback: number): number => {
    const value = bag.value(key);
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) throw bag.error(key, `must be an integer number of ${unit} in ${min}..${max}`, value);
    return value;
  };
  const functionName = /^[A-Za-z0-9_-]{1,64}$/.test(name) ? name : name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);
  return { functionName, timeout: integer('timeout', 1, 900, 'seconds', 6), memorySize: integer('memorySize', 128, 10_240, 'MB', 1024) };
}
