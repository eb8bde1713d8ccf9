import assert from 'node:assert/strict';
import type { DocumentClientDeps } from '../../fixtures/handlers/documentClient.js';
import type { StoreDeps } from '../../fixtures/handlers/memoryStore.js';
import { projectionKeyOf, toNative, type ProjectionStore } from '../../fixtures/handlers/projection.js';
import type { Model } from '../../src/model/index.js';
import type { InvariantContext } from '../../src/run/index.js';
import type { Trace } from '../../src/trace/index.js';
import { projectionDifferences } from './projection.js';

/*
 * The user invariants of the fixture handlers (fixtures/README.md), as a user of each handler
 * would write them: on the real deps, against the model. Plain assertions, so the benchmarks can
 * run them outside vitest.
 */

/** Sequence numbers of the records the run legitimately gave up on (discarded, trimmed, LATEST-skipped). */
const givenUp = (model: Model, trace: Trace): Set<string> => new Set(model.discarded(trace).map((d) => d.record.seq));

/** Projection key → the sequence numbers of the model's records of that item, in stream order. */
function recordsByKey(model: Model): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const record of model.records) {
    const key = projectionKeyOf(toNative(record.event.dynamodb!.Keys!));
    byKey.set(key, [...(byKey.get(key) ?? []), record.seq]);
  }
  return byKey;
}

/** The projection holds exactly the table's final images. */
export function projectionMatches(items: ProjectionStore, model: Model): void {
  assert.deepEqual(projectionDifferences(items, model), []);
}

export const storeProjection = ({ deps, model }: InvariantContext<StoreDeps>): void => projectionMatches(deps.store.items, model);

export const documentClientProjection = ({ deps, model }: InvariantContext<DocumentClientDeps>): void => projectionMatches(deps.items, model);

/** Each item's counter equals its number of changes (records the run gave up on may be missing). */
export function countersMatch({ deps, model, trace }: InvariantContext<StoreDeps>): void {
  const lost = givenUp(model, trace);
  for (const [key, seqs] of recordsByKey(model)) {
    const counted = deps.store.counters.get(key) ?? 0;
    const least = seqs.filter((seq) => !lost.has(seq)).length;
    assert.ok(counted >= least && counted <= seqs.length, `${key}: counted ${counted} changes, the stream has ${seqs.length}`);
  }
}

/** Each item's messages on the FIFO topic are in stream order, each change once (given-up ones may be missing). */
export function topicInOrder({ deps, model, trace }: InvariantContext<StoreDeps>): void {
  const lost = givenUp(model, trace);
  for (const [key, seqs] of recordsByKey(model)) {
    const published = (deps.store.published.get(key) ?? []).map((m) => m.seq);
    const sorted = [...published].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    assert.deepEqual(published, sorted, `${key}: published out of stream order`);
    const expected = seqs.filter((seq) => !lost.has(seq) || published.includes(seq));
    assert.deepEqual(published, expected, `${key}: published changes`);
  }
}
