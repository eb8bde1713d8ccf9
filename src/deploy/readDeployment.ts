import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { optionError, readObject, rejectUnknownOptions } from '../core/index.js';
import type { Candidate } from './candidate.js';
import { cfnCandidates } from './cfnCandidates.js';
import type { Deployment, DeploymentParameters, ReadDeploymentOptions } from './deployment.js';
import { deploymentError } from './deploymentError.js';
import { Intrinsics } from './Intrinsics.js';
import { loadDocument } from './loadDocument.js';
import { selectCandidate } from './selectCandidate.js';
import { serverlessCandidates } from './serverlessCandidates.js';

const API = 'readDeployment';

/**
 * Reads the stream mapping a user deployed, so a check runs what runs on AWS and nothing else:
 * a CloudFormation or SAM template (YAML with short-form intrinsics, or JSON), a serverless.yml,
 * or a CDK-synthesized template (`cdk.out/<Stack>.template.json`, or the `cdk.out` directory).
 * Returns the mapping with every field set (from the file, else the platform's default), the
 * function's and table's settings when the file defines them, settings shardcheck cannot simulate
 * yet (`unsupported`) and notes (`warnings`). Errors read
 * `deployment: <file>: <Resource>.<Property> <rule> (got <value>)`.
 *
 * `selector` (a string, or `options.select`) picks one mapping when the file has several.
 */
export function readDeployment(file: string, selector?: string | ReadDeploymentOptions): Deployment {
  if (typeof file !== 'string' || file === '') throw optionError(`${API}.file`, 'must be a path to a template, a serverless.yml or a cdk.out directory', file);
  const options = readOptions(selector);
  const candidates = filesOf(file).flatMap((f) => candidatesOf(f, options.parameters ?? {}));
  return selectCandidate(file, candidates, options.select).read();
}

function readOptions(selector: string | ReadDeploymentOptions | undefined): ReadDeploymentOptions {
  if (selector === undefined) return {};
  if (typeof selector === 'string') return { select: selector };
  const o = readObject(`${API}.options`, selector) as ReadDeploymentOptions;
  rejectUnknownOptions(`${API}.options`, o, ['select', 'parameters']);
  if (o.select !== undefined && (typeof o.select !== 'string' || o.select === '')) throw optionError(`${API}.options.select`, 'must be a non-empty name', o.select);
  if (o.parameters !== undefined) readObject(`${API}.options.parameters`, o.parameters);
  return o;
}

/** A file, or every `*.template.json` of a directory (a `cdk.out`). */
function filesOf(path: string): string[] {
  let directory = false;
  try {
    directory = statSync(path).isDirectory();
  } catch {
    return [path]; // loadDocument reports the missing file
  }
  if (!directory) return [path];
  const templates = readdirSync(path).filter((name) => name.endsWith('.template.json')).sort();
  if (templates.length === 0) throw deploymentError(path, '', 'is a directory with no *.template.json (a cdk.out directory holds one per stack)');
  return templates.map((name) => join(path, name));
}

function candidatesOf(file: string, parameters: DeploymentParameters): Candidate[] {
  const doc = loadDocument(file);
  if ('functions' in doc || ('service' in doc && 'provider' in doc)) return serverlessCandidates(file, doc, parameters);
  if (typeof doc.Resources !== 'object' || doc.Resources === null) {
    throw deploymentError(file, '', 'is neither a CloudFormation/SAM/CDK template (no Resources) nor a serverless.yml (no functions)');
  }
  // CDK names each template after its stack; a generated physical name (`<stack>-<LogicalId>`) uses it.
  const stackName = /([A-Za-z][A-Za-z0-9-]*)\.template\.json$/.exec(file)?.[1] ?? 'stack';
  const intrinsics = new Intrinsics({ template: doc, parameters, location: { region: 'us-east-1', accountId: '123456789012', stackName } });
  return cfnCandidates({ file, template: doc, intrinsics });
}
