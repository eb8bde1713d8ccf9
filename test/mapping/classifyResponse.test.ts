import { describe, expect, it } from 'vitest';
import { classifyResponse } from '../../src/mapping/classifyResponse.js';
import { DEFAULT_SEMANTICS, type Semantics } from '../../src/scenario/semantics.js';

const A = '000000000000000000100';
const B = '000000000000000000200';
const C = '000000000000000000300';
const BATCH = new Set([A, B, C]);

type Knobs = Pick<Semantics, 'unknownItemIdentifier' | 'nonObjectResponse'>;
const classify = (response: unknown, knobs: Partial<Knobs> = {}, batch: ReadonlySet<string> = BATCH) =>
  classifyResponse(response, batch, true, { ...DEFAULT_SEMANTICS, ...knobs });
const failures = (...ids: unknown[]) => ({ batchItemFailures: ids.map((itemIdentifier) => ({ itemIdentifier })) });

describe('classifyResponse', () => {
  it('R27: without ReportBatchItemFailures every return is a complete success', () => {
    for (const response of [undefined, null, 42, 'text', [1], failures(A), { batchItemFailures: 'x' }, failures(123), failures('unknown')]) {
      expect(classifyResponse(response, BATCH, false, DEFAULT_SEMANTICS)).toEqual({ outcome: 'OK_SUCCESS' });
    }
  });

  describe('R36: success shapes', () => {
    const shapes: [string, unknown][] = [
      ['undefined (no return)', undefined],
      ['null', null],
      ["''", ''],
      ['[]', []],
      ['{}', {}],
      ['a null list', { batchItemFailures: null }],
      ['an empty list', { batchItemFailures: [] }],
      ['an object with other keys only', { ok: true }],
    ];
    for (const [name, response] of shapes) {
      it(name, () => {
        expect(classify(response)).toEqual({ outcome: 'OK_SUCCESS' });
        // The knobs are about other shapes; these stay a success under every setting.
        expect(classify(response, { unknownItemIdentifier: 'ignore', nonObjectResponse: 'success' })).toEqual({ outcome: 'OK_SUCCESS' });
      });
    }
  });

  describe('R37: malformed shapes fail the whole batch', () => {
    const shapes: [string, unknown, RegExp][] = [
      ['a numeric itemIdentifier 123', failures(123), /number/],
      ['an empty-string itemIdentifier', failures(''), /null or empty/],
      ['a null itemIdentifier', failures(null), /null or empty/],
      ['an undefined itemIdentifier', { batchItemFailures: [{ itemIdentifier: undefined }] }, /null or empty/],
      ['a wrong key', { batchItemFailures: [{ itemIdentifer: A }] }, /no itemIdentifier key/],
      ['a PascalCase key', { batchItemFailures: [{ ItemIdentifier: A }] }, /no itemIdentifier key/],
      ['a bare string entry', { batchItemFailures: [A] }, /no itemIdentifier key/],
      ['a null entry', { batchItemFailures: [null] }, /no itemIdentifier key/],
      ['a list that is a string', { batchItemFailures: A }, /not an array/],
      ['a list that is an object', { batchItemFailures: { itemIdentifier: A } }, /not an array/],
      ['an object itemIdentifier', failures({ seq: A }), /object/],
      ['an unknown sequence number', failures('000000000000000000999'), /not a SequenceNumber of this batch/],
    ];
    for (const [name, response, reason] of shapes) {
      it(name, () => {
        const verdict = classify(response);
        expect(verdict.outcome).toBe('OK_MALFORMED');
        expect(verdict.outcome === 'OK_MALFORMED' && verdict.reason).toMatch(reason);
      });
    }

    it('one bad entry spoils an otherwise valid list, wherever it is', () => {
      expect(classify(failures(A, 123)).outcome).toBe('OK_MALFORMED');
      expect(classify(failures(123, A)).outcome).toBe('OK_MALFORMED');
      expect(classify(failures(B, null, A)).outcome).toBe('OK_MALFORMED');
    });
  });

  describe('R38: the lowest reported sequence number wins', () => {
    it('regardless of array order', () => {
      for (const order of [[A, B, C], [C, B, A], [B, C, A], [C, A, B]]) {
        expect(classify(failures(...order))).toEqual({ outcome: 'OK_PARTIAL', lowest: A });
      }
      expect(classify(failures(C, B))).toEqual({ outcome: 'OK_PARTIAL', lowest: B });
      expect(classify(failures(C))).toEqual({ outcome: 'OK_PARTIAL', lowest: C });
    });

    it('duplicates are harmless', () => {
      expect(classify(failures(B, B, C))).toEqual({ outcome: 'OK_PARTIAL', lowest: B });
    });

    it('numerically when lengths differ', () => {
      const short = '999999999999999999999'; // 21 digits
      const long = '1000000000000000000000'; // 22 digits: larger, though "1" < "9" as text
      const batch = new Set([short, long]);
      expect(classify(failures(long, short), {}, batch)).toEqual({ outcome: 'OK_PARTIAL', lowest: short });
      expect(classify(failures(short, long), {}, batch)).toEqual({ outcome: 'OK_PARTIAL', lowest: short });
      expect(classify(failures(long), {}, batch)).toEqual({ outcome: 'OK_PARTIAL', lowest: long });
    });
  });

  describe('knobs', () => {
    it('unknownItemIdentifier: "fail" (default) makes it malformed, "ignore" skips it', () => {
      const unknown = '000000000000000000999';
      expect(classify(failures(unknown)).outcome).toBe('OK_MALFORMED');
      expect(classify(failures(unknown, B)).outcome).toBe('OK_MALFORMED');
      expect(classify(failures(unknown), { unknownItemIdentifier: 'ignore' })).toEqual({ outcome: 'OK_SUCCESS' });
      expect(classify(failures(unknown, C, B), { unknownItemIdentifier: 'ignore' })).toEqual({ outcome: 'OK_PARTIAL', lowest: B });
      // Lower than every known one, yet ignored: it cannot become `lowest`.
      expect(classify(failures('000000000000000000001', C), { unknownItemIdentifier: 'ignore' })).toEqual({ outcome: 'OK_PARTIAL', lowest: C });
    });

    it('"ignore" does not excuse a malformed identifier', () => {
      expect(classify(failures(123), { unknownItemIdentifier: 'ignore' }).outcome).toBe('OK_MALFORMED');
      expect(classify(failures(''), { unknownItemIdentifier: 'ignore' }).outcome).toBe('OK_MALFORMED');
    });

    const nonObjects: [string, unknown][] = [
      ['a number', 42],
      ['zero', 0],
      ['false', false],
      ['a non-empty string', 'ok'],
      ['a non-empty array', [failures(A)]],
    ];
    for (const [name, response] of nonObjects) {
      it(`nonObjectResponse decides ${name}`, () => {
        const failed = classify(response);
        expect(failed.outcome).toBe('OK_MALFORMED');
        expect(classify(response, { nonObjectResponse: 'fail' })).toEqual(failed);
        expect(classify(response, { nonObjectResponse: 'success' })).toEqual({ outcome: 'OK_SUCCESS' });
      });
    }

    it('nonObjectResponse does not apply to a malformed list inside an object', () => {
      expect(classify({ batchItemFailures: 5 }, { nonObjectResponse: 'success' }).outcome).toBe('OK_MALFORMED');
    });
  });
});
