import { deploymentError, Unresolvable } from './deploymentError.js';
import { NO_VALUE, type Intrinsics } from './Intrinsics.js';

/**
 * The properties of one resource (or event) as written, read one at a time: each read resolves
 * intrinsics and turns an unresolvable value into `deployment: <file>: <where>.<Key> cannot be
 * resolved: <reason> (got <raw>)`. What was never read is left for `unread()`, so nothing the
 * user deployed is dropped without a word.
 */
export class PropertyBag {
  private readonly read = new Set<string>();

  constructor(
    readonly file: string,
    /** `StreamMapping`, `Indexer.Events.Stream`, `functions.indexer.events[0].stream`, … */
    readonly where: string,
    private readonly raw: Readonly<Record<string, unknown>>,
    readonly intrinsics: Intrinsics,
  ) {}

  /** `<where>.<key>`, the name errors and warnings use. */
  path(key: string): string {
    return `${this.where}.${key}`;
  }

  has(key: string): boolean {
    return key in this.raw;
  }

  /** The property as written (intrinsics unevaluated); marks it read. */
  written(key: string): unknown {
    this.read.add(key);
    return this.raw[key];
  }

  /** The resolved property; undefined when absent or `AWS::NoValue`. */
  value(key: string): unknown {
    const raw = this.written(key);
    if (raw === undefined) return undefined;
    const resolved = this.resolve(key, raw);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  /** The resolved property, or as written when it cannot be resolved (for settings only reported, never used). */
  reported(key: string): unknown {
    const raw = this.written(key);
    try {
      const resolved = this.intrinsics.resolve(raw);
      return resolved === NO_VALUE ? undefined : resolved;
    } catch (error) {
      if (error instanceof Unresolvable) return raw;
      throw error;
    }
  }

  /** Resolves a value that belongs to `key` (or a path below it), with the error naming that place. */
  resolve(key: string, raw: unknown): unknown {
    try {
      return this.intrinsics.resolve(raw);
    } catch (error) {
      if (error instanceof Unresolvable) throw deploymentError(this.file, this.path(key), `cannot be resolved: ${error.reason}`, raw);
      throw error;
    }
  }

  /** A rule violation at `key`. */
  error(key: string, rule: string, got: unknown): Error {
    return deploymentError(this.file, this.path(key), rule, got);
  }

  /** Keys present but never read. */
  unread(): string[] {
    return Object.keys(this.raw).filter((key) => !this.read.has(key));
  }
}
