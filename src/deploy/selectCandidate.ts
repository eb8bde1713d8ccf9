import type { Candidate } from './candidate.js';
import { deploymentError } from './deploymentError.js';

/**
 * The one candidate `select` names (or the only one when no selector is given). No match or
 * several: an error listing the candidates, so the user can copy a name.
 */
export function selectCandidate(file: string, candidates: readonly Candidate[], select: string | undefined): Candidate {
  const listing = (list: readonly Candidate[]): string => list.map((c) => `${c.label} (select with ${JSON.stringify(c.names[0])})`).join('; ');
  if (candidates.length === 0) {
    throw deploymentError(file, '', 'has no DynamoDB or Kinesis stream mapping (looked for AWS::Lambda::EventSourceMapping, AWS::Serverless::Function events of Type DynamoDB or Kinesis, and serverless.yml stream events)');
  }
  if (select === undefined) {
    if (candidates.length === 1) return candidates[0]!;
    throw deploymentError(file, '', `has ${candidates.length} stream mappings; choose one with \`select\`: ${listing(candidates)}`);
  }
  const matches = candidates.filter((c) => c.names.includes(select));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw deploymentError(file, '', `has no stream mapping named ${JSON.stringify(select)}; candidates: ${listing(candidates)}`);
  throw deploymentError(file, '', `has ${matches.length} stream mappings named ${JSON.stringify(select)}; choose one with a more specific name: ${listing(matches)}`);
}
