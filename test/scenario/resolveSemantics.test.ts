import { describe, expect, it } from 'vitest';
import { resolveSemantics } from '../../src/scenario/resolveSemantics.js';
import { DEFAULT_SEMANTICS, type Semantics } from '../../src/scenario/semantics.js';
import { errorMessage } from '../support/errorMessage.js';

const loose = (params: Record<string, unknown>): Partial<Semantics> => params as Partial<Semantics>;

describe('resolveSemantics (spec "Ambiguities")', () => {
  it('defaults to the spec choices', () => {
    const semantics = resolveSemantics(undefined);
    expect(semantics).toEqual(DEFAULT_SEMANTICS);
    expect(semantics).toEqual({
      resetRetriesOnPartialProgress: true, // ambiguity 5 / R39
      unknownItemIdentifier: 'fail', // ambiguity 3
      nonObjectResponse: 'fail', // ambiguity 4
      laneKey: 'partitionKey', // ambiguity 7 / R26
      laneFailureBlocks: 'lane', // ambiguity 7
      s3PayloadForm: 'object', // ambiguity 9
    });
    expect(Object.isFrozen(semantics)).toBe(true);
  });

  it('overrides only what is given', () => {
    expect(resolveSemantics({ laneKey: 'itemKey', resetRetriesOnPartialProgress: false })).toEqual({
      ...DEFAULT_SEMANTICS,
      laneKey: 'itemKey',
      resetRetriesOnPartialProgress: false,
    });
  });

  it('accepts every documented choice', () => {
    const all: Partial<Semantics>[] = [
      { unknownItemIdentifier: 'ignore' },
      { nonObjectResponse: 'success' },
      { laneFailureBlocks: 'shard' },
      { s3PayloadForm: 'string' },
    ];
    for (const override of all) expect(resolveSemantics(override)).toMatchObject(override);
  });

  it('rejects values outside each enum', () => {
    expect(errorMessage(() => resolveSemantics(loose({ unknownItemIdentifier: 'skip' })))).toBe(
      'semantics.unknownItemIdentifier must be one of "fail", "ignore" (got "skip")',
    );
    expect(errorMessage(() => resolveSemantics(loose({ laneFailureBlocks: 'all' })))).toBe(
      'semantics.laneFailureBlocks must be one of "lane", "shard" (got "all")',
    );
    expect(errorMessage(() => resolveSemantics(loose({ resetRetriesOnPartialProgress: 'yes' })))).toBe(
      'semantics.resetRetriesOnPartialProgress must be true or false (got "yes")',
    );
  });

  it('lists valid options for unknown ones', () => {
    expect(errorMessage(() => resolveSemantics(loose({ laneKeys: 'itemKey' })))).toBe(
      'semantics.laneKeys is not a known option; valid options are resetRetriesOnPartialProgress, unknownItemIdentifier, ' +
        'nonObjectResponse, laneKey, laneFailureBlocks, s3PayloadForm',
    );
  });
});
