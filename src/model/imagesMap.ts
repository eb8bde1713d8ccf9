import { isDeepStrictEqual } from 'node:util';
import { optionError } from '../core/index.js';
import type { AttributeMap } from '../table/itemChange.js';
import { inForm, type QualifiedImagesOptions } from './imageForms.js';

/** One item's end state: its image (undefined: absent), and for an uncertain item every legitimate state. */
export interface ItemEnd {
  readonly itemKey: string;
  readonly keys: AttributeMap;
  readonly image: AttributeMap | undefined;
  readonly states?: readonly (AttributeMap | undefined)[];
}

/** The present items of `ends` in the options' form, by the options' key (see `OwedImagesOptions`). */
export function imagesMap(ends: Iterable<ItemEnd>, o: QualifiedImagesOptions): Map<string, unknown> {
  const images = new Map<string, unknown>();
  const owners = new Map<string, string>();
  for (const end of ends) {
    const key = keyOf(end, o);
    const image = o.observed !== undefined && end.states !== undefined ? stateSeen(end.states, end.itemKey, o.observed.has(key), o.observed.get(key), o) : end.image && inForm(end.image, o, end.itemKey);
    if (image === undefined) continue;
    const owner = owners.get(key);
    if (owner !== undefined) throw optionError(`${o.api}.options.key`, `must give each item its own key, but gives items ${owner} and ${end.itemKey} the same`, key);
    owners.set(key, end.itemKey);
    images.set(key, image);
  }
  return images;
}

function keyOf(end: ItemEnd, o: QualifiedImagesOptions): string {
  if (o.key === undefined) return end.itemKey;
  const key = o.key(inForm(end.keys, o, end.itemKey) as never);
  if (typeof key !== 'string') throw optionError(`${o.api}.options.key`, `must return a string (for item ${end.itemKey})`, key);
  return key;
}

/** The first legitimate state (in form; undefined: absent) the projection holds (`held`, `value`); else the owed one, `states[0]`. */
function stateSeen(states: readonly (AttributeMap | undefined)[], itemKey: string, held: boolean, value: unknown, o: QualifiedImagesOptions): unknown {
  const inOptionsForm = states.map((state) => state && inForm(state, o, itemKey));
  const seen = inOptionsForm.findIndex((state) => (state === undefined ? !held : held && isDeepStrictEqual(state, value)));
  return inOptionsForm[Math.max(seen, 0)];
}
