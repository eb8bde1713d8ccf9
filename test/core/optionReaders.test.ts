import { describe, expect, it } from 'vitest';
import {
  deepFreeze,
  readArray,
  readBoolean,
  readFinite,
  readInteger,
  readObject,
  readOneOf,
  rejectUnknownOptions,
  withoutUndefined,
} from '../../src/core/optionReaders.js';
import { errorMessage } from '../support/errorMessage.js';

describe('option readers', () => {
  it('return valid values unchanged', () => {
    const object = { a: 1 };
    expect(readObject('o', object)).toBe(object);
    expect(readArray('a', [1])).toEqual([1]);
    expect(readInteger('i', 5, 5, 5)).toBe(5);
    expect(readFinite('f', 0)).toBe(0);
    expect(readBoolean('b', false)).toBe(false);
    expect(readOneOf('e', 'x', ['x', 'y'])).toBe('x');
  });

  it('throw `path rule (got value)`', () => {
    expect(errorMessage(() => readObject('o', null))).toBe('o must be an object (got null)');
    expect(errorMessage(() => readInteger('i', 3, 1, 2))).toBe('i must be an integer in 1..2 (got 3)');
    expect(errorMessage(() => readInteger('i', 2 ** 60, 0))).toBe(`i must be an integer >= 0 (got ${2 ** 60})`);
    expect(errorMessage(() => readInteger('i', 9, 1, 2, 'must be small'))).toBe('i must be small (got 9)');
    expect(errorMessage(() => readFinite('f', -0.5))).toBe('f must be a finite number >= 0 (got -0.5)');
    expect(errorMessage(() => readBoolean('b', 'no'))).toBe('b must be true or false (got "no")');
    expect(errorMessage(() => readOneOf('e', 'z', ['x', 'y']))).toBe('e must be one of "x", "y" (got "z")');
  });

  it('hint camelCase for PascalCase names, including extra hinted names', () => {
    expect(errorMessage(() => rejectUnknownOptions('m', { Size: 1 }, ['size']))).toBe('m.Size is not a known option; use camelCase: size');
    expect(errorMessage(() => rejectUnknownOptions('m', { Old: 1 }, ['size'], ['old']))).toBe('m.Old is not a known option; use camelCase: old');
    expect(errorMessage(() => rejectUnknownOptions('', { X: 1 }, ['size']))).toBe('X is not a known option; valid options are size');
    expect(() => rejectUnknownOptions('m', { size: 1 }, ['size'])).not.toThrow();
  });

  it('deepFreeze freezes nested data and skips what is already frozen', () => {
    const inner = { c: [1] };
    const owned = Object.freeze({ d: {} });
    const value = deepFreeze({ a: inner, b: owned });
    expect(Object.isFrozen(value.a.c)).toBe(true);
    expect(Object.isFrozen(owned.d)).toBe(false);
  });

  it('withoutUndefined drops undefined fields only', () => {
    expect(withoutUndefined({ a: undefined, b: 0, c: null })).toEqual({ b: 0, c: null });
    expect(Object.keys(withoutUndefined({ a: undefined, b: 0 }))).toEqual(['b']);
  });
});
