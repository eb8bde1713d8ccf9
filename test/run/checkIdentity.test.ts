import { describe, expect, it, beforeEach } from 'vitest';
import { checkIdentity, claimIdentity } from '../../src/run/checkIdentity.js';
import { resetClaimedIdentities } from '../../src/run/index.js';
import { errorMessage } from '../support/errorMessage.js';

const test = (names: string[], signal = new AbortController().signal) => ({ runner: 'vitest' as const, file: 'test/a.test.ts', names, timeoutMs: 5000, signal });

beforeEach(() => resetClaimedIdentities());

describe('check identity', () => {
  it('is the explicit name, else the test, else the script; the hash is stable', () => {
    expect(checkIdentity('orders', test(['x']), '/p', undefined)).toMatchObject({ key: 'name:orders', folder: 'orders', label: 'orders' });
    const a = checkIdentity(undefined, test(['suite', 'x']), '/p', undefined);
    expect(a).toMatchObject({ key: 'test:test/a.test.ts::suite x', label: 'test/a.test.ts > suite x' });
    expect(a.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(checkIdentity(undefined, test(['suite', 'x']), '/p', undefined).hash).toBe(a.hash);
    expect(checkIdentity(undefined, test(['suite', 'y']), '/p', undefined).hash).not.toBe(a.hash);
    expect(checkIdentity(undefined, undefined, '/p', '/p/bin/check.mjs')).toMatchObject({ key: 'script:bin/check.mjs', folder: 'bin-check.mjs' });
  });

  it('folders are safe path segments whatever the test is called', () => {
    const id = checkIdentity(undefined, { ...test(['../../etc', 'a/b\\c\n']), file: '../x.test.ts' }, '/p', undefined);
    for (const part of id.folder.split('/')) expect(part).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(id.folder.split('/')).not.toContain('..');
  });

  it('two different checks sharing one identity in one test, or one name in two tests, is a usage error; the same check again or a retried test is not', () => {
    const signal = new AbortController().signal;
    const id = checkIdentity(undefined, test(['x'], signal), '/p', undefined);
    claimIdentity(id, test(['x'], signal), 'aaaaaaaa');
    claimIdentity(id, test(['x'], signal), 'aaaaaaaa');
    expect(errorMessage(() => claimIdentity(id, test(['x'], signal), 'bbbbbbbb'))).toMatch(/^checkStreamHandler\.name must tell apart the checks of one test: .*\(got no name\)$/);
    claimIdentity(id, test(['x']), 'cccccccc'); // a retry (a new abort signal) after the options changed
    const named = checkIdentity('shared', test(['a']), '/p', undefined);
    claimIdentity(named, test(['a']), 'aaaaaaaa');
    expect(errorMessage(() => claimIdentity(named, test(['b']), 'bbbbbbbb'))).toMatch(/^checkStreamHandler\.name must tell apart the checks of two tests: .*\(got "shared"\)$/);
  });
});
