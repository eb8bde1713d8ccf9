import { getCurrentTest } from 'vitest/suite';
import { contextOfTask, setTestContextProvider } from '../run/index.js';

/** Tells checks which vitest test they run in, through vitest's public `getCurrentTest`. */
export function provideTestContext(): void {
  setTestContextProvider(() => {
    const task = getCurrentTest();
    return task === undefined ? undefined : contextOfTask(task, process.cwd());
  });
}
