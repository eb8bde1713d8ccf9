import { createCrashesOnRemoveHandler, createCrashesOnRemoveHandlerFixed } from '../../fixtures/handlers/crashesOnRemove.js';
import { createDocumentClientHandler, createDocumentClientHandlerFixed, documentClientDeps } from '../../fixtures/handlers/documentClient.js';
import { createInMemoryDedupHandler, createInMemoryDedupHandlerFixed } from '../../fixtures/handlers/inMemoryDedup.js';
import { createKeepsProcessingAfterFailureHandler, createKeepsProcessingAfterFailureHandlerFixed } from '../../fixtures/handlers/keepsProcessingAfterFailure.js';
import { storeDeps } from '../../fixtures/handlers/memoryStore.js';
import { createNonIdempotentCounterHandler, createNonIdempotentCounterHandlerFixed } from '../../fixtures/handlers/nonIdempotentCounter.js';
import { createPowertoolsBatchHandler, createPowertoolsBatchHandlerFixed } from '../../fixtures/handlers/powertoolsBatch.js';
import { createPromiseAllHandler, createPromiseAllHandlerFixed } from '../../fixtures/handlers/promiseAll.js';
import { createSwallowsErrorsHandler, createSwallowsErrorsHandlerFixed } from '../../fixtures/handlers/swallowsErrors.js';
import type { InvariantName } from '../../src/check/index.js';
import type { StreamHandler } from '../../src/mapping/index.js';
import type { CheckStreamHandlerOptions, InvariantContext } from '../../src/run/index.js';
import { countersMatch, documentClientProjection, storeProjection, topicInOrder } from './fixtureInvariants.js';

/*
 * The buggy fixture handlers of fixtures/handlers with their fixed twins, user invariants and
 * deployment: what properties/fixtureBugsCaught.test.ts and fixedTwinsPass.test.ts prove and the shrinking benchmark measures.
 */

const TABLE = { partitionKey: 'pk', sortKey: 'sk', streamViewType: 'NEW_AND_OLD_IMAGES' } as const;
/** Part of the deployment of handlers that return `batchItemFailures`: without it the mapping ignores them (R35). */
const RBIF = { functionResponseTypes: ['ReportBatchItemFailures'] } as const;
/** The seed CI checks the fixtures with. */
export const FIXTURE_SEED = 20261126;

export interface Fixture<D extends object = object> {
  readonly name: string;
  readonly buggy: (deps: D) => StreamHandler;
  readonly fixed: (deps: D) => StreamHandler;
  readonly deps: () => D;
  readonly invariant?: (context: InvariantContext<D>) => void;
  readonly mapping?: CheckStreamHandlerOptions<D>['mapping'];
  /** A built-in invariant, or 'user' for the user invariant. */
  readonly caughtBy: InvariantName | 'user';
}

const fixture = <D extends object>(f: Fixture<D>): Fixture<D> => f;

export const FIXTURES = [
  fixture({ name: 'nonIdempotentCounter', buggy: createNonIdempotentCounterHandler, fixed: createNonIdempotentCounterHandlerFixed, deps: storeDeps, invariant: countersMatch, caughtBy: 'user' }),
  fixture({ name: 'swallowsErrors', buggy: (d) => createSwallowsErrorsHandler(d), fixed: createSwallowsErrorsHandlerFixed, deps: storeDeps, invariant: storeProjection, mapping: RBIF, caughtBy: 'user' }),
  fixture({ name: 'keepsProcessingAfterFailure', buggy: createKeepsProcessingAfterFailureHandler, fixed: createKeepsProcessingAfterFailureHandlerFixed, deps: storeDeps, invariant: topicInOrder, mapping: RBIF, caughtBy: 'user' }),
  fixture({ name: 'promiseAll', buggy: createPromiseAllHandler, fixed: createPromiseAllHandlerFixed, deps: storeDeps, invariant: storeProjection, caughtBy: 'user' }),
  fixture({ name: 'inMemoryDedup', buggy: createInMemoryDedupHandler, fixed: createInMemoryDedupHandlerFixed, deps: storeDeps, invariant: countersMatch, caughtBy: 'user' }),
  // No user invariant: the built-ins alone catch the poison REMOVE.
  fixture({ name: 'crashesOnRemove', buggy: createCrashesOnRemoveHandler, fixed: createCrashesOnRemoveHandlerFixed, deps: storeDeps, caughtBy: 'progress-after-faults' }),
  fixture({ name: 'powertoolsBatch', buggy: createPowertoolsBatchHandler, fixed: createPowertoolsBatchHandlerFixed, deps: storeDeps, invariant: storeProjection, mapping: RBIF, caughtBy: 'user' }),
  fixture({ name: 'documentClient', buggy: createDocumentClientHandler, fixed: createDocumentClientHandlerFixed, deps: documentClientDeps, invariant: documentClientProjection, caughtBy: 'user' }),
] as Fixture[];

/**
 * The user's deployment (table, TRIM_HORIZON so the invariants may compare with every record of
 * the model, the fixture's mapping fields) with `createHandler`; everything else is shardcheck's
 * default. No regression corpus.
 */
export function fixtureCheckOptions<D extends object>(f: Fixture<D>, createHandler: (deps: D) => StreamHandler): CheckStreamHandlerOptions<D> {
  return {
    createHandler,
    deps: f.deps,
    ...(f.invariant === undefined ? {} : { invariant: f.invariant }),
    table: TABLE,
    mapping: { ...f.mapping, startingPosition: 'TRIM_HORIZON' },
    regressions: false,
  };
}
