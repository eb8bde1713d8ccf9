import { compareSeq, type SequenceNumber } from '../core/index.js';
import type { Semantics } from '../scenario/semantics.js';

export type ResponseVerdict =
  | { readonly outcome: 'OK_SUCCESS' }
  | { readonly outcome: 'OK_PARTIAL'; readonly lowest: SequenceNumber }
  | { readonly outcome: 'OK_MALFORMED'; readonly reason: string };

const SUCCESS: ResponseVerdict = { outcome: 'OK_SUCCESS' };

/**
 * Classifies what a handler returned (R27, R35–R38). Without ReportBatchItemFailures any return is
 * a complete success (R27); with it, the lowest reported sequence number wins (R38).
 */
export function classifyResponse(
  response: unknown,
  batchSeqs: Pick<ReadonlySet<string>, 'has'>,
  reportBatchItemFailures: boolean,
  semantics: Pick<Semantics, 'unknownItemIdentifier' | 'nonObjectResponse'>,
): ResponseVerdict {
  if (!reportBatchItemFailures) return SUCCESS;
  if (response === undefined || response === null || response === '') return SUCCESS; // R36
  if (Array.isArray(response)) {
    if (response.length === 0) return SUCCESS; // R36 observed: top-level []
    return nonObject(semantics, 'the response is a non-empty array');
  }
  if (typeof response !== 'object') return nonObject(semantics, `the response is a ${typeof response}`);
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return SUCCESS; // R36: empty object, null list
  if (!Array.isArray(failures)) return malformed('batchItemFailures is not an array');
  let lowest: SequenceNumber | undefined;
  for (const entry of failures) {
    const id = readIdentifier(entry);
    if (typeof id !== 'string') return id; // R37
    if (!batchSeqs.has(id)) {
      if (semantics.unknownItemIdentifier === 'ignore') continue;
      return malformed(`itemIdentifier ${JSON.stringify(id)} is not a SequenceNumber of this batch`);
    }
    if (lowest === undefined || compareSeq(id, lowest) < 0) lowest = id;
  }
  return lowest === undefined ? SUCCESS : { outcome: 'OK_PARTIAL', lowest };
}

function readIdentifier(entry: unknown): string | ResponseVerdict {
  if (entry === null || typeof entry !== 'object' || !('itemIdentifier' in entry)) {
    return malformed('an entry has no itemIdentifier key');
  }
  const id = (entry as { itemIdentifier: unknown }).itemIdentifier;
  if (id === null || id === undefined || id === '') return malformed('an itemIdentifier is null or empty');
  if (typeof id !== 'string') return malformed(`an itemIdentifier is a ${typeof id}, not a SequenceNumber string`);
  return id;
}

function malformed(reason: string): ResponseVerdict {
  return { outcome: 'OK_MALFORMED', reason };
}

function nonObject(semantics: Pick<Semantics, 'nonObjectResponse'>, reason: string): ResponseVerdict {
  return semantics.nonObjectResponse === 'success' ? SUCCESS : malformed(reason);
}
