import type { Model } from '../../src/model/index.js';
import { projectionKeyOf, type ProjectionKeyOf, type ProjectionStore } from '../../fixtures/handlers/projection.js';
import { stableJson as sortedJson } from '../../src/trace/index.js';
import { stableJson } from './stableJson.js';

/** JSON with sorted keys that also keeps Sets and binary values (see `stableJson`). */
const canonical = (value: unknown): string => sortedJson(JSON.parse(stableJson(value ?? null)));

/**
 * A user invariant, as a shardcheck user would write it: the projection holds exactly the
 * table's final images (`model.finalImages()`), items named in `except` aside. Returns one line
 * per item that differs (empty when it holds).
 */
export function projectionDifferences(store: ProjectionStore, model: Model, options: { keyOf?: ProjectionKeyOf; except?: ReadonlySet<string> } = {}): string[] {
  const expected = model.finalImages({ key: options.keyOf ?? projectionKeyOf });
  const actual = new Map<string, unknown>();
  for (const [key, entry] of store) if (entry.image !== undefined) actual.set(key, entry.image);
  const differences: string[] = [];
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    if (options.except?.has(key)) continue;
    const want = canonical(expected.get(key));
    const got = canonical(actual.get(key));
    if (want !== got) differences.push(`${key}: expected ${want}, got ${got}`);
  }
  return differences;
}
