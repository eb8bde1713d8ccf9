import type { AttributeValue } from 'aws-lambda';
import { deepFreeze } from '../core/index.js';
import type { AttributeMap } from './itemChange.js';
import { attributeSizeBytes } from './itemSizeBytes.js';
import type { SdkAttributeValue } from './sdkItem.js';
import { toLambdaValue } from './toLambdaAttributes.js';

/**
 * One version of an item as the table holds it, built once per write. Every record that shows
 * this version (its NewImage, then the next record's OldImage) shares the one deep-frozen image,
 * and an update copies only the attributes it writes: nothing is marshalled or measured twice.
 */
export interface StoredItem {
  /** Lambda-shaped (binary as base64), deep-frozen. */
  readonly image: AttributeMap;
  /** The key attributes in schema order, deep-frozen: the Keys of every record of the item. */
  readonly keys: AttributeMap;
  /** Each attribute's name and value bytes (R11). */
  readonly attributeBytes: Readonly<Record<string, number>>;
  /** Item size (R11): the sum of `attributeBytes`. */
  readonly sizeBytes: number;
  /** The part of `sizeBytes` the key attributes take. */
  readonly keyBytes: number;
}

/** A new version of an item, built from an empty item or from a copy of the one it replaces. */
export class ItemDraft {
  private readonly image: AttributeMap;
  private readonly bytes: Record<string, number>;
  private size: number;

  constructor(from?: StoredItem) {
    this.image = { ...from?.image };
    this.bytes = { ...from?.attributeBytes };
    this.size = from?.sizeBytes ?? 0;
  }

  get sizeBytes(): number {
    return this.size;
  }

  /** `value` is marshalled and canonical (see `storedValueOf`). */
  set(name: string, value: SdkAttributeValue): void {
    // Assigning `__proto__` (an own key only of JSON-parsed input) would set the prototype
    // rather than add an attribute; the table has always dropped it, and images stay plain data.
    if (name === '__proto__') return;
    const bytes = attributeSizeBytes(name, value);
    // Replacing keeps the attribute's place in the image, as assignment does.
    this.size += bytes - this.bytesOf(name);
    this.image[name] = toLambdaValue(value);
    this.bytes[name] = bytes;
  }

  remove(name: string): void {
    this.size -= this.bytesOf(name);
    delete this.image[name];
    delete this.bytes[name];
  }

  /** Own attributes only: names such as `toString` must not find Object.prototype. */
  private bytesOf(name: string): number {
    return Object.hasOwn(this.bytes, name) ? (this.bytes[name] as number) : 0;
  }

  /** `keys` is the item's Keys image, equal to its key attributes; the draft must not be used afterwards. */
  finish(keys: AttributeMap): StoredItem {
    let keyBytes = 0;
    for (const name of Object.keys(keys)) {
      keyBytes += this.bytes[name] as number;
      this.image[name] = keys[name] as AttributeValue; // the same value: share it (keeps its place)
    }
    return { image: deepFreeze(this.image), keys: deepFreeze(keys), attributeBytes: this.bytes, sizeBytes: this.size, keyBytes };
  }
}
