import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatItemKey, formatKeyText } from '../../src/core/index.js';

/** Splits a documented item key back into its texts: what makes the form unambiguous. */
function parse(key: string): string[] {
  const parts: string[] = [];
  let rest = key;
  for (;;) {
    let text: string;
    if (rest.startsWith('"')) {
      const end = /^"(?:[^"\\]|\\.)*"/.exec(rest)![0];
      text = JSON.parse(end) as string;
      rest = rest.slice(end.length);
    } else {
      const bar = rest.indexOf('|');
      text = bar < 0 ? rest : rest.slice(0, bar);
      rest = bar < 0 ? '' : rest.slice(bar);
    }
    parts.push(text);
    if (rest === '') return parts;
    expect(rest[0]).toBe('|');
    rest = rest.slice(1);
  }
}

describe('formatItemKey: the one documented item key form', () => {
  it('writes plain texts as is: the partition key, then |sort key', () => {
    expect(formatItemKey('user#1', undefined)).toBe('user#1');
    expect(formatItemKey('user#1', 'order#0002')).toBe('user#1|order#0002');
    expect(formatItemKey('ada@example.com', '-1.5')).toBe('ada@example.com|-1.5');
    expect(formatItemKey('AQI+/w==', 'café')).toBe('AQI+/w==|café');
  });

  it('JSON-quotes a text that is empty or holds |, a quote, a space or other punctuation', () => {
    expect(formatKeyText('')).toBe('""');
    expect(formatItemKey('a|b', 'x')).toBe('"a|b"|x');
    expect(formatItemKey('New York', 'say "hi"')).toBe('"New York"|"say \\"hi\\""');
    expect(formatKeyText('[x]')).toBe('"[x]"');
  });

  it('escapes control, format and separator characters, so a key is one terminal-safe line', () => {
    expect(formatKeyText('a\nb')).toBe('"a\\nb"');
    expect(formatKeyText('a\u2028b\u202Ec\u00a0d')).toBe('"a\\u2028b\\u202ec\\u00a0d"');
    expect(formatKeyText('x\u{F0000}')).toBe('"x\\udb80\\udc00"');
  });

  it('is unambiguous: any two texts come back from the key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.option(fc.string({ unit: 'binary' }), { nil: undefined }), (pk, sk) => {
        const key = formatItemKey(pk, sk);
        expect(key).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
        expect(parse(key)).toEqual(sk === undefined ? [pk] : [pk, sk]);
      }),
      { numRuns: 300 },
    );
  });
});
