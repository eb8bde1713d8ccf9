import type { Prng } from '../../core/index.js';
import { MAX_ITEM_BYTES, itemSizeBytes, type Item } from '../../table/index.js';
import { storedItemOf } from '../../table/storedItemOf.js';
import type { Vocabulary } from './vocabulary.js';

/** Room left under the limit: 1..16 KB, so large items sit just below 400 KB but never above it. */
const MIN_SLACK = 1024;
const MAX_SLACK = 16 * 1024;

/**
 * Text that brings `item` to just under DynamoDB's 400 KB item limit (R11) once stored under
 * `name`: a realistic document body (vocabulary words), measured with the table's own size rule.
 */
export function largePayload(item: Item, name: string, v: Vocabulary, p: Prng): string {
  const used = itemSizeBytes(storedItemOf(item, 'item')) + Buffer.byteLength(name, 'utf8');
  const target = MAX_ITEM_BYTES - used - p.int(MIN_SLACK, MAX_SLACK);
  const chunk = Array.from({ length: 64 }, () => p.pick(v.words)).join(' ') + '\n';
  let text = chunk.repeat(Math.ceil(target / chunk.length)).slice(0, target);
  // Words are ASCII in the en locale, so bytes are characters; never trust that with a hard
  // limit, but measure the 64-word chunk, not the 400 KB text.
  if (Buffer.byteLength(chunk, 'utf8') === chunk.length) return text;
  while (Buffer.byteLength(text, 'utf8') > target) text = text.slice(0, text.length - 1024);
  return text;
}
