import { relative, resolve } from 'node:path';
import { fnv1a32, ShardcheckError } from '../core/index.js';
import { hex8 } from './replayToken.js';
import type { TestContext } from './testContext.js';

/**
 * Which check this is: its regression corpus belongs to it alone and a replay token names it. A
 * check is its test (file and full name), else its explicit `name`, else the script that runs it.
 */
export interface CheckIdentity {
  /** Stable text the hash is taken of. */
  readonly key: string;
  /** 8 hex digits of `key`: what a replay token names. */
  readonly hash: string;
  /** Human label for logs and reports. */
  readonly label: string;
  /** The corpus folder below the regressions directory. */
  readonly folder: string;
}

export function checkIdentity(name: string | undefined, test: TestContext | undefined, cwd: string, script: string | undefined): CheckIdentity {
  if (name !== undefined) return identity(`name:${name}`, name, name);
  if (test !== undefined) {
    const testName = test.names.join(' ');
    const file = test.file ?? 'unknown-file';
    const key = `test:${file}::${testName}`;
    return identity(key, `${file} > ${testName}`, `${slug(file)}/${slug(testName).slice(0, 60)}-${hex8(fnv1a32(key))}`);
  }
  const from = script === undefined ? 'repl' : relative(cwd, resolve(cwd, script)).split('\\').join('/');
  return identity(`script:${from}`, from, slug(from));
}

function identity(key: string, label: string, folder: string): CheckIdentity {
  return { key, hash: hex8(fnv1a32(key)), label, folder };
}

/** Letters, digits, `.`, `_` and `-` only; other runs become one `-`. */
function slug(text: string): string {
  const s = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return s === '' || s === '.' || s === '..' ? 'check' : s;
}

/*
 * Two different checks (other options) that share one identity would keep marking each other's
 * stored scenarios stale: a usage error, whether they run in one test, in two tests that give the
 * same `name`, or in one script. The same check run again (same options) shares its corpus
 * legitimately, and a test that vitest retries runs again with a new abort signal.
 */
interface Claim {
  readonly owner: string;
  readonly attempt: WeakRef<object> | undefined;
  readonly fingerprint: string;
}

const claims = new Map<string, Claim>();

export function claimIdentity(id: CheckIdentity, test: TestContext | undefined, fingerprint: string): void {
  const owner = test === undefined ? 'script' : `${test.file ?? ''}::${test.names.join(' ')}`;
  const attempt: object | undefined = test?.signal;
  // A runner that gives no per-attempt object (jest) cannot tell a retry from a second check.
  if (test !== undefined && attempt === undefined) return;
  const previous = claims.get(id.key);
  if (previous !== undefined && previous.fingerprint !== fingerprint) {
    const sameAttempt = previous.attempt === undefined ? attempt === undefined : previous.attempt.deref() === attempt;
    if (previous.owner !== owner || sameAttempt) {
      const where = previous.owner !== owner ? 'two tests' : test === undefined ? 'one script' : 'one test';
      throw new ShardcheckError(
        `checkStreamHandler.name must tell apart the checks of ${where}: with other options they would share the regression corpus of ${JSON.stringify(id.label)} (got ${id.key.startsWith('name:') ? JSON.stringify(id.label) : 'no name'})`,
      );
    }
  }
  claims.set(id.key, { owner, attempt: attempt === undefined ? undefined : new WeakRef(attempt), fingerprint });
}

/** Tests of the claim registry start clean. */
export function resetClaimedIdentities(): void {
  claims.clear();
}
