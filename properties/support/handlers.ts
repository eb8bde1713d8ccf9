import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { fnv1a32 } from '../../src/core/index.js';
import { wrapDeps } from '../../src/faults/wrapDeps.js';
import type { StreamHandler } from '../../src/mapping/handlerTypes.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';

/*
 * Correct handlers for the oracle's properties. Each is correct by the ESM contract: it either
 * acknowledges a record or makes the mapping retry it (a thrown error, or a batchItemFailures
 * entry under ReportBatchItemFailures); none loses a record on its own. Build a fresh one per run.
 */

const RBIF = 'ReportBatchItemFailures';

/** Whether the scenario's mapping has ReportBatchItemFailures on. */
export function reportsItemFailures(s: ScenarioParameters): boolean {
  return s.mapping?.functionResponseTypes?.includes(RBIF) ?? false;
}

function seqOf(record: DynamoDBStreamEvent['Records'][number]): string {
  return record.dynamodb?.SequenceNumber ?? '';
}

/** Acknowledges every batch. */
export function acknowledgeAll(): StreamHandler {
  return async () => undefined;
}

/**
 * Writes each record downstream through `wrapDeps`, so the scenario's dependency faults fire;
 * under ReportBatchItemFailures it reports the records whose write failed, otherwise it throws
 * and the whole batch is retried. The failures follow the fault schedule, nothing else.
 */
export function reportDependencyFailures(rbif: boolean): StreamHandler {
  const store = new Map<string, string>();
  const deps = wrapDeps({ store: { put: async (key: string, seq: string) => void store.set(key, seq) } });
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse | void> => {
    const batchItemFailures: { itemIdentifier: string }[] = [];
    for (const record of event.Records) {
      try {
        await deps.store.put(record.eventID ?? '', seqOf(record));
      } catch (error) {
        if (!rbif) throw error;
        batchItemFailures.push({ itemIdentifier: seqOf(record) });
      }
    }
    return { batchItemFailures };
  };
}

export interface FailSelectedOptions {
  readonly rbif: boolean;
  /** How many deliveries of a selected record fail before it succeeds. Default 1. */
  readonly times?: number;
  /** One record in `every` (by a hash of its sequence number) is selected. Default 3. */
  readonly every?: number;
  /**
   * Select a record only when it is not the first of the batch it first arrives in, so a partial
   * response about it always advances the checkpoint (R39). Default false.
   */
  readonly notFirst?: boolean;
}

/**
 * Fails selected records on their first `times` deliveries, then acknowledges them: under
 * ReportBatchItemFailures by naming every failing record in batchItemFailures (R35), otherwise by
 * throwing for the whole batch.
 */
export function failSelected(options: FailSelectedOptions): StreamHandler {
  const times = options.times ?? 1;
  const every = options.every ?? 3;
  const seen = new Map<string, number>();
  const doomed = new Set<string>();
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse | void> => {
    const failing: string[] = [];
    event.Records.forEach((record, i) => {
      const seq = seqOf(record);
      const count = (seen.get(seq) ?? 0) + 1;
      seen.set(seq, count);
      if (count === 1 && fnv1a32(seq) % every === 0 && (!options.notFirst || i > 0)) doomed.add(seq);
      if (doomed.has(seq) && count <= times) failing.push(seq);
    });
    if (failing.length === 0) return { batchItemFailures: [] };
    if (!options.rbif) throw new Error(`failing ${failing.length} selected record(s)`);
    return { batchItemFailures: failing.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
