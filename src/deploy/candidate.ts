import type { Deployment } from './deployment.js';

/** One stream mapping found in a file, read only once chosen (so an error elsewhere does not block it). */
export interface Candidate {
  readonly file: string;
  /** `origin.resource` of its deployment. */
  readonly resource: string;
  /** Names a selector may give: mapping and function logical ids, function names, CDK construct ids and paths. */
  readonly names: readonly string[];
  /** For listings: `StreamMapping (function Indexer)`. */
  readonly label: string;
  read(): Deployment;
}

/** `aws:cdk:path` of a resource, and the names a user knows it by: `Stack/Indexer/Resource` → that, `Stack/Indexer`, `Indexer`. */
export function cdkNames(metadata: unknown): string[] {
  const path = (metadata as Record<string, unknown> | undefined)?.['aws:cdk:path'];
  if (typeof path !== 'string') return [];
  const construct = path.replace(/\/Resource$/, '');
  const id = construct.split('/').at(-1);
  return [...new Set([path, construct, ...(id === undefined || construct === path ? [] : [id])])];
}
