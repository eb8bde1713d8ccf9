import { unmarshall } from '@aws-sdk/util-dynamodb';
import { expect } from 'vitest';
import { projectionKeyOf, type ProjectionStore } from '../../fixtures/handlers/projection.js';
import type { Model } from '../../src/model/index.js';

export const TABLE = { partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES' } as const;

type Image = Parameters<typeof unmarshall>[0];

/** A user's invariant: the projection holds exactly the table's final images. */
export function projectionMatchesModel({ deps, model }: { deps: { store: ProjectionStore }; model: Model }): void {
  const expected = new Map<string, unknown>();
  for (const record of model.records) {
    const keys = unmarshall(record.event.dynamodb!.Keys! as unknown as Image);
    const image = model.finalImages().get(record.itemKey);
    const key = projectionKeyOf(keys);
    if (image === undefined) expected.delete(key);
    else expected.set(key, unmarshall(image as unknown as Image));
  }
  const actual = new Map<string, unknown>();
  for (const [key, entry] of deps.store) if (entry.image !== undefined) actual.set(key, entry.image);
  expect(actual).toEqual(expected);
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
