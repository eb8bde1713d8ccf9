import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { cfnTags } from './cfnTags.js';
import { deploymentError } from './deploymentError.js';

const TAGS = cfnTags();

/**
 * Reads a JSON or YAML deployment file into plain data, short-form intrinsics in their long form.
 * YAML 1.2 core schema (what CloudFormation and the Serverless Framework accept in practice);
 * unknown tags and duplicate keys are errors, not silently read.
 */
export function loadDocument(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw deploymentError(file, '', `cannot be read: ${(error as Error).message}`);
  }
  const data = /\.json$/i.test(file) ? parseJson(file, text) : parseYaml(file, text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw deploymentError(file, '', 'must hold a mapping at the top (a template or a serverless.yml)', data);
  }
  return data as Record<string, unknown>;
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw deploymentError(file, '', `is not valid JSON: ${(error as Error).message}`);
  }
}

function parseYaml(file: string, text: string): unknown {
  const lines = new LineCounter();
  const doc = parseDocument(text, { customTags: TAGS, uniqueKeys: true, prettyErrors: false, lineCounter: lines });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem !== undefined) {
    const { line, col } = lines.linePos(problem.pos[0]);
    const where = ` at line ${line}, column ${col}`;
    throw deploymentError(file, '', `is not valid YAML${where}: ${problem.message.split('\n')[0]}`);
  }
  return doc.toJS({ maxAliasCount: 1000 }) as unknown;
}
