import type { ProjectionStore } from './examples/projectionHandler.js';
import { escapeInvisible, stableJson } from '../trace/index.js';
import { itemKey, type ItemKeyTable } from '../table/index.js';

export interface ProjectionComparison {
  readonly ok: boolean;
  /** Items compared (expected ∪ present). */
  readonly items: number;
  /** One line per item that differs: `key: expected … got …`. */
  readonly differences: readonly string[];
}

const MAX_JSON = 100;

/**
 * Compares the projection's live images (tombstones excluded) with the expected final images.
 * `describeKey` turns a projection key into the text a difference line starts with.
 */
export function compareProjection(expected: ReadonlyMap<string, unknown>, store: ProjectionStore, describeKey: (key: string) => string): ProjectionComparison {
  const actual = new Map<string, unknown>();
  for (const [key, entry] of store) if (entry.image !== undefined) actual.set(key, entry.image);
  const keys = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  const differences: string[] = [];
  for (const key of keys) {
    const want = expected.get(key);
    const got = actual.get(key);
    if (stableJson(want ?? null) !== stableJson(got ?? null)) differences.push(`${describeKey(key)}: expected ${show(want)}, got ${show(got)}`);
  }
  return { ok: differences.length === 0, items: keys.length, differences };
}

/** An image as one line of JSON, cut to about {@link MAX_JSON} characters; `absent` when there is none. */
function show(value: unknown): string {
  if (value === undefined) return 'absent';
  const json = escapeInvisible(stableJson(value));
  return json.length > MAX_JSON ? `${json.slice(0, MAX_JSON - 1)}…` : json;
}

/** A projection key of the example handlers (`[["pk","user#1"],["sk","profile"]]`) as shardcheck names the item: `user#1|profile`. */
export function projectionKeyText(key: string, table: ItemKeyTable): string {
  return itemKey(Object.fromEntries(JSON.parse(key) as [string, unknown][]), table);
}
