import { cdkNames, type Candidate } from './candidate.js';
import type { Deployment, StreamSource } from './deployment.js';
import { deploymentError, Unresolvable } from './deploymentError.js';
import { finishDeployment } from './finishDeployment.js';
import { functionTarget } from './functionTarget.js';
import type { Intrinsics } from './Intrinsics.js';
import { PropertyBag } from './PropertyBag.js';
import { readCfnMapping } from './readCfnMapping.js';
import { readFunction } from './readFunction.js';
import { readTable } from './readTable.js';
import { physicalName } from './resourceAttribute.js';
import { streamTarget, type StreamTarget } from './streamTarget.js';

export interface TemplateInput {
  readonly file: string;
  readonly template: Readonly<Record<string, unknown>>;
  readonly intrinsics: Intrinsics;
}

const SAM_TYPES: Readonly<Record<string, StreamSource>> = { DynamoDB: 'dynamodb', Kinesis: 'kinesis' };

/**
 * The stream mappings of a CloudFormation, SAM or CDK-synthesized template: every
 * `AWS::Lambda::EventSourceMapping` reading a DynamoDB or Kinesis stream, and every
 * `AWS::Serverless::Function` event of Type `DynamoDB` or `Kinesis`. Resources whose `Condition`
 * is false are not deployed and not listed; mappings of queues, Kafka and the like are skipped.
 */
export function cfnCandidates(input: TemplateInput): Candidate[] {
  const { intrinsics } = input;
  const out: Candidate[] = [];
  for (const id of input.intrinsics.resourceIds()) {
    const resource = intrinsics.resource(id);
    if (resource === undefined || !deployed(input, id)) continue;
    if (resource.Type === 'AWS::Lambda::EventSourceMapping') {
      const candidate = mappingCandidate(input, id);
      if (candidate !== undefined) out.push(candidate);
    }
    if (resource.Type === 'AWS::Serverless::Function') out.push(...eventCandidates(input, id));
  }
  return out;
}

/** False when the resource's Condition is false; an unresolvable one is listed (its read fails). */
function deployed(input: TemplateInput, id: string): boolean {
  const condition = input.intrinsics.resource(id)?.Condition;
  if (condition === undefined) return true;
  try {
    return input.intrinsics.condition(condition);
  } catch (error) {
    if (error instanceof Unresolvable) return true;
    throw error;
  }
}

function checkCondition(input: TemplateInput, id: string): void {
  const condition = input.intrinsics.resource(id)?.Condition;
  if (condition === undefined) return;
  try {
    input.intrinsics.condition(condition);
  } catch (error) {
    if (error instanceof Unresolvable) throw deploymentError(input.file, `${id}.Condition`, `cannot be resolved: ${error.reason}`, condition);
    throw error;
  }
}

function mappingCandidate(input: TemplateInput, id: string): Candidate | undefined {
  const resource = input.intrinsics.resource(id)!;
  const probe = new PropertyBag(input.file, id, resource.Properties ?? {}, input.intrinsics);
  let target: StreamTarget | Error;
  try {
    target = streamTarget(probe, 'EventSourceArn');
  } catch (error) {
    target = error as Error;
  }
  if (!(target instanceof Error) && target.kind === 'other') return undefined;
  let fn: string | undefined;
  try {
    fn = functionTarget(probe, 'FunctionName');
  } catch {
    fn = undefined;
  }
  const names = [id, ...cdkNames(resource.Metadata), ...(fn === undefined ? [] : functionNames(input, fn))];
  return {
    file: input.file,
    resource: id,
    names,
    label: `${id} (${fn === undefined ? 'AWS::Lambda::EventSourceMapping' : `function ${fn}`})`,
    read: () => {
      if (target instanceof Error) throw target;
      checkCondition(input, id);
      const bag = new PropertyBag(input.file, id, resource.Properties ?? {}, input.intrinsics);
      streamTarget(bag, 'EventSourceArn');
      const functionId = functionTarget(bag, 'FunctionName');
      return assemble(input, bag, target as Extract<StreamTarget, { kind: 'stream' }>, id, functionId);
    },
  };
}

function eventCandidates(input: TemplateInput, functionId: string): Candidate[] {
  const events = input.intrinsics.resource(functionId)!.Properties?.Events;
  if (typeof events !== 'object' || events === null) return [];
  const out: Candidate[] = [];
  for (const [name, event] of Object.entries(events as Record<string, { Type?: unknown; Properties?: Record<string, unknown> }>)) {
    const source = SAM_TYPES[String(event?.Type)];
    if (source === undefined) continue;
    const resource = `${functionId}.Events.${name}`;
    out.push({
      file: input.file,
      resource,
      names: [`${functionId}.${name}`, resource, ...functionNames(input, functionId)],
      label: `${resource} (function ${functionId})`,
      read: () => {
        checkCondition(input, functionId);
        const bag = new PropertyBag(input.file, resource, event.Properties ?? {}, input.intrinsics);
        const target = streamTarget(bag, 'Stream', source) as Extract<StreamTarget, { kind: 'stream' }>;
        return assemble(input, bag, target, resource, functionId);
      },
    });
  }
  return out;
}

function assemble(input: TemplateInput, bag: PropertyBag, target: Extract<StreamTarget, { kind: 'stream' }>, resource: string, functionId: string | undefined): Deployment {
  const { mapping, unsupported, warnings } = readCfnMapping(bag, target.source);
  const { intrinsics, file } = input;
  const globals = (input.template.Globals as { Function?: unknown } | undefined)?.Function;
  const fn = functionId === undefined ? undefined : readFunction(intrinsics, file, functionId, globals, warnings);
  if (functionId === undefined) warnings.push(`deployment: ${file}: ${resource}: the function is not defined in this file; its timeout and memory are shardcheck's defaults unless given`);
  const table = target.source === 'dynamodb' && target.table !== undefined ? readTable(intrinsics, file, target.table, warnings) : undefined;
  if (target.source === 'dynamodb' && table === undefined) {
    warnings.push(`deployment: ${file}: ${resource}: the table is not defined in this file (stream ${target.arn ?? '?'}); give \`table\` with its key schema`);
  }
  return finishDeployment({
    source: target.source,
    mapping,
    ...(fn === undefined ? {} : { function: fn }),
    ...(table === undefined ? {} : { table }),
    origin: { file, resource, ...(functionId === undefined ? {} : { function: functionId }) },
    unsupported,
    warnings,
  });
}

/** A function's logical id, physical name (when it resolves) and CDK names. */
function functionNames(input: TemplateInput, id: string): string[] {
  const names = [id, ...cdkNames(input.intrinsics.resource(id)?.Metadata)];
  try {
    names.push(physicalName(input.intrinsics, id).name);
  } catch (error) {
    if (!(error instanceof Unresolvable)) throw error;
  }
  return names;
}
