/*
 * The one documented string form of an item key (README "Item keys"), used by the model, traces,
 * reports and the public `itemKey` helper alike:
 *
 * - the partition key's text, then, for a table with a sort key, `|` and the sort key's text;
 * - a text is written as is when it is non-empty and made only of letters, digits, combining
 *   marks and `# : _ . / + = @ -` (which covers `user#1`, `order#0002`, emails, numbers and base64);
 * - any other text is written as a JSON string literal, with every control, format (such as a
 *   bidirectional override) or separator character other than the space escaped as `\uXXXX`.
 *
 * So `user#1`, `user#1|42`, `"New York"|7`, `"a|b"|x`: unambiguous (a bare text never holds `|`
 * or `"`), readable in a test diff and in a report, and always one terminal-safe line.
 */

const PLAIN = /^[\p{L}\p{M}\p{N}#:_./+=@-]+$/u;
// Left raw by JSON.stringify (which escapes only U+0000–U+001F, `"` and `\`) yet invisible or
// line-breaking on a terminal.
const INVISIBLE = /(?! )[\p{C}\p{Z}]/gu;

/** One key text in the documented form: as is when plain, JSON-quoted otherwise. */
export function formatKeyText(text: string): string {
  if (PLAIN.test(text)) return text;
  return JSON.stringify(text).replace(INVISIBLE, escapeUnits);
}

/** `\uXXXX` per UTF-16 unit (two for a character outside the BMP), as JSON would write them. */
function escapeUnits(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** The documented item key of a partition key text and, for a table with a sort key, a sort key text. */
export function formatItemKey(partitionText: string, sortText: string | undefined): string {
  const pk = formatKeyText(partitionText);
  return sortText === undefined ? pk : `${pk}|${formatKeyText(sortText)}`;
}
