import { TestRunner } from 'vitest';
import { contextOfTask, setTestContextProvider } from '../run/index.js';

/** Tells checks which vitest test they run in, through vitest's public `TestRunner.getCurrentTest`. */
export function provideTestContext(): void {
  setTestContextProvider(() => {
    const task = TestRunner.getCurrentTest();
    return task === undefined ? undefined : contextOfTask(task, process.cwd());
  });
}
