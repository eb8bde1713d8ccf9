import { expect } from 'vitest';
import { projectionKeyOf, type ProjectionStore } from '../../fixtures/handlers/projection.js';
import type { Model } from '../../src/model/index.js';
import type { Trace } from '../../src/trace/index.js';

export const TABLE = { partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES' } as const;

/** A user's invariant: the projection holds exactly what the handler owed (the table's final images, less what the run gave up on). */
export function projectionMatchesModel({ deps, model, trace }: { deps: { store: ProjectionStore }; model: Model; trace: Trace }): void {
  const actual = new Map<string, unknown>();
  for (const [key, entry] of deps.store) if (entry.image !== undefined) actual.set(key, entry.image);
  expect(actual).toEqual(model.owedImages(trace, { key: projectionKeyOf, observed: actual }));
}

/** The error `run` rejects with (fails when it resolves). */
export async function rejection(run: () => Promise<unknown>): Promise<Error & { report?: unknown }> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
