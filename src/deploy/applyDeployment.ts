import { describeValue, optionError, readObject, rejectUnknownOptions, ShardcheckError } from '../core/index.js';
import type { FunctionParameters, MappingParameters } from '../scenario/index.js';
import type { TableParameters } from '../table/index.js';
import type { Deployment, DeploymentParameters } from './deployment.js';
import { readDeployment } from './readDeployment.js';

/** `checkStreamHandler`'s `deployment` option: a file, or a file with the mapping to pick and parameter values. */
export type DeploymentOption = string | { file: string; select?: string; parameters?: DeploymentParameters };

/** What the user also gave, which wins over the deployment field by field. */
export interface DeploymentOverrides {
  readonly table?: TableParameters;
  readonly mapping?: MappingParameters;
  readonly function?: FunctionParameters;
}

/** The scenario inputs a deployment pins. */
export interface AppliedDeployment {
  readonly deployment: Deployment;
  /** The user's table, else the deployment's; undefined when neither (then generated per run). */
  readonly table: TableParameters | undefined;
  /** Every field pinned: the deployment's, with the user's fields on top. */
  readonly mapping: MappingParameters;
  readonly function: FunctionParameters | undefined;
}

/**
 * Reads `option` and combines it with what the user gave: the deployed mapping pins every field
 * (nothing the user did not deploy is generated), the user's `mapping` fields override it, the
 * user's `table` replaces the deployed one, the user's function fields override the deployed
 * ones. Refuses what a check would get wrong: a Kinesis mapping, a setting shardcheck cannot
 * simulate yet (filters, tumbling windows, …), a disabled mapping (unless `mapping.enabled`).
 */
export function applyDeployment(option: DeploymentOption, overrides: DeploymentOverrides = {}, path = 'deployment'): AppliedDeployment {
  const deployment = readOption(option, path);
  const { file, resource } = deployment.origin;
  if (deployment.source !== 'dynamodb') {
    throw new ShardcheckError(`${path}: ${file}: ${resource} reads a Kinesis stream; shardcheck simulates DynamoDB Streams only so far (got ${deployment.source})`);
  }
  const first = deployment.unsupported[0];
  if (first !== undefined) {
    const more = deployment.unsupported.length > 1 ? `; also ${deployment.unsupported.slice(1).map((u) => u.property).join(', ')}` : '';
    throw new ShardcheckError(`${path}: ${file}: ${first.property} is deployed but ${first.reason}, so a check would not run what runs on AWS (got ${describeValue(first.value)})${more}`);
  }
  const mapping: MappingParameters = { ...deployment.mapping, ...(overrides.mapping ?? {}) };
  if (mapping.enabled === false) {
    throw new ShardcheckError(`${path}: ${file}: ${resource} is disabled (Enabled: false), so the function would never be invoked; pass mapping: { enabled: true } to check it as if enabled`);
  }
  const fn = deployment.function === undefined && overrides.function === undefined ? undefined : { ...(deployment.function ?? {}), ...(overrides.function ?? {}) };
  return { deployment, table: overrides.table ?? deployment.table, mapping, function: fn };
}

function readOption(option: DeploymentOption, path: string): Deployment {
  if (typeof option === 'string') return readDeployment(option);
  const o = readObject(path, option);
  rejectUnknownOptions(path, o, ['file', 'select', 'parameters']);
  if (typeof o.file !== 'string' || o.file === '') throw optionError(`${path}.file`, 'must be a path to a template, a serverless.yml or a cdk.out directory', o.file);
  return readDeployment(o.file, { ...(o.select === undefined ? {} : { select: o.select as string }), ...(o.parameters === undefined ? {} : { parameters: o.parameters as DeploymentParameters }) });
}
