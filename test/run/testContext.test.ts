import { afterEach, describe, expect, it } from 'vitest';
import { TestRunner } from 'vitest';
import { contextOfTask, currentTestContext, setTestContextProvider } from '../../src/run/index.js';

afterEach(() => setTestContextProvider(undefined));

describe('the current test', () => {
  it('is read from vitest without any plugin: file, names as -t matches them, timeout, abort signal', () => {
    const context = currentTestContext(process.cwd());
    expect(context).toMatchObject({ runner: 'vitest', file: 'test/run/testContext.test.ts', names: ['the current test', 'is read from vitest without any plugin: file, names as -t matches them, timeout, abort signal'] });
    expect(context?.timeoutMs).toBe(TestRunner.getCurrentTest()!.timeout);
    expect(context?.signal).toBeInstanceOf(AbortSignal);
  });

  it('a timeout of 0 (off) means no test timeout', () => {
    const task = { type: 'test', name: 'x', timeout: 0, file: { filepath: '/p/a.test.ts' } };
    expect(contextOfTask(task, '/p')).toMatchObject({ file: 'a.test.ts', names: ['x'], timeoutMs: undefined });
  });

  it('a registered provider wins; when it knows nothing the runner is asked directly', () => {
    setTestContextProvider(() => ({ runner: 'vitest', file: 'b.test.ts', names: ['y'], timeoutMs: 10, signal: undefined }));
    expect(currentTestContext('/p')?.file).toBe('b.test.ts');
    setTestContextProvider(() => undefined);
    expect(currentTestContext(process.cwd())?.file).toBe('test/run/testContext.test.ts');
  });
});
