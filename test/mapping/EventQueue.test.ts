import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/mapping/EventQueue.js';

function drain<T>(queue: EventQueue<T>): { t: number; item: T }[] {
  const out: { t: number; item: T }[] = [];
  for (let e = queue.pop(); e !== undefined; e = queue.pop()) out.push({ t: e.t, item: e.item });
  return out;
}

describe('EventQueue', () => {
  it('is empty at first', () => {
    const queue = new EventQueue<string>();
    expect(queue.size).toBe(0);
    expect(queue.peekTime()).toBeUndefined();
    expect(queue.pop()).toBeUndefined();
  });

  it('pops by time, then by insertion order', () => {
    const queue = new EventQueue<string>();
    queue.push(5, 'a');
    queue.push(1, 'b');
    queue.push(5, 'c');
    queue.push(0, 'd');
    queue.push(1, 'e');
    queue.push(5, 'f');
    expect(queue.size).toBe(6);
    expect(queue.peekTime()).toBe(0);
    expect(drain(queue).map((e) => `${e.t}${e.item}`)).toEqual(['0d', '1b', '1e', '5a', '5c', '5f']);
    expect(queue.size).toBe(0);
  });

  it('keeps insertion order for many equal times (no heap instability)', () => {
    const queue = new EventQueue<number>();
    for (let i = 0; i < 100; i++) queue.push(7, i);
    expect(drain(queue).map((e) => e.item)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('items pushed while draining go after equal-time items already queued', () => {
    const queue = new EventQueue<string>();
    queue.push(1, 'a');
    queue.push(1, 'b');
    expect(queue.pop()?.item).toBe('a');
    queue.push(1, 'c');
    queue.push(0, 'z');
    expect(drain(queue).map((e) => e.item)).toEqual(['z', 'b', 'c']);
  });

  it('property: interleaved pushes and pops agree with a stable sort', () => {
    type Op = { kind: 'push'; t: number } | { kind: 'pop' };
    const op = fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('push' as const), t: fc.integer({ min: 0, max: 6 }) }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'pop' as const }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops: Op[]) => {
        const queue = new EventQueue<number>();
        // Reference: a list kept stably sorted by time; a new item goes after every equal time.
        const model: { t: number; item: number }[] = [];
        let next = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            const item = next++;
            queue.push(o.t, item);
            model.push({ t: o.t, item });
            model.sort((a, b) => a.t - b.t); // Array.prototype.sort is stable
          } else {
            const got = queue.pop();
            const want = model.shift();
            expect(got === undefined ? undefined : { t: got.t, item: got.item }).toEqual(want);
          }
          expect(queue.size).toBe(model.length);
          expect(queue.peekTime()).toBe(model[0]?.t);
        }
        expect(drain(queue)).toEqual(model);
      }),
      { numRuns: 300 },
    );
  });
});
