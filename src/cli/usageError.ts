/** A problem with how the CLI was called (flags, files, modules): exit code 2 with a clear message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
