import { describe, expect, it } from 'vitest';
import { processWide } from '../../src/core/index.js';
import { invocationContext } from '../../src/faults/invocationContext.js';

describe('processWide', () => {
  it('creates a value once per name and hands the same one out after', () => {
    let created = 0;
    const first = processWide('test.processWide', () => ({ n: ++created }));
    const second = processWide('test.processWide', () => ({ n: ++created }));
    expect(second).toBe(first);
    expect(created).toBe(1);
    expect(processWide('test.processWide.other', () => ({ n: 0 }))).not.toBe(first);
  });

  it('gives a second copy of the module (as the CommonJS build is) the same invocation context', async () => {
    // A query string makes vite load the file as a separate module instance.
    const specifier = new URL('../../src/faults/invocationContext.ts?second-copy', import.meta.url).href;
    const copy = (await import(specifier)) as { invocationContext: unknown };
    expect(copy.invocationContext).toBe(invocationContext);
  });
});
