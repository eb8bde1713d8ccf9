import { describe, expect, it } from 'vitest';
import { createDropsRemovesHandler } from '../fixtures/handlers/dropsRemoves.js';
import { createLostUpdateHandler } from '../fixtures/handlers/lostUpdate.js';
import {
  createProjectionHandler,
  projectionKeyOf,
  toNative,
  type ProjectionImageOf,
  type ProjectionKeyOf,
  type ProjectionStore,
} from '../fixtures/handlers/projection.js';
import type { StreamHandler } from '../src/mapping/index.js';
import type { Model } from '../src/model/index.js';
import { checkStreamHandler, ShardcheckFailure, type InvariantContext } from '../src/run/index.js';
import { itemKey, type TableParameters } from '../src/table/index.js';
import type { Trace } from '../src/trace/index.js';
import { LONG, runs, TIMEOUT_MS } from './support/campaign.js';

/*
 * The README's one-line invariant, `expect(projection).toEqual(model.owedImages(trace))`, is
 * correct: the correct idempotent projection handler (fixtures/handlers/projection.ts) passes it
 * under every generated scenario with default options (the starting position varies, so LATEST
 * starts skip records), in each image form, and with `survivable: false` (discards, expiry, trims)
 * once the projection is passed as `observed`. The buggy twins (dropped REMOVEs, lost updates) fail
 * the same line. Only the deployment is fixed: the table and ReportBatchItemFailures.
 */

const RBIF = { functionResponseTypes: ['ReportBatchItemFailures'] } as const;
const SEED = 20261211;
const RUNS = runs(60, 1000);

type Deps = { store: ProjectionStore };

/** The projection as a user compares it: key → stored image (REMOVE tombstones left out). */
const projectionOf = (store: ProjectionStore): Map<string, unknown> =>
  new Map([...store].flatMap(([key, entry]) => (entry.image === undefined ? [] : [[key, entry.image] as const])));

interface Form {
  readonly name: 'native' | 'json' | 'attributes';
  readonly table: TableParameters;
  /** How the handler keys and stores items. */
  readonly keyOf: ProjectionKeyOf;
  readonly imageOf: ProjectionImageOf;
  /** The user's one line, as the README writes it for this form (`observed` given under survivable: false). */
  readonly expected: (model: Model, trace: Trace, observed?: Map<string, unknown>) => Map<string, unknown>;
}

const NATIVE_TABLE: TableParameters = { partitionKey: 'pk', sortKey: { name: 'sk', type: 'N' }, streamViewType: 'NEW_AND_OLD_IMAGES' };

const FORMS: readonly Form[] = [
  {
    // Keyed by the documented item key, stored unmarshalled: the defaults, nothing to configure.
    name: 'native',
    table: NATIVE_TABLE,
    keyOf: (keys) => itemKey(keys, NATIVE_TABLE),
    imageOf: toNative,
    expected: (model, trace, observed) => model.owedImages(trace, observed === undefined ? undefined : { observed }),
  },
  {
    // A projection that stores JSON (a document store, a cache): sets become {}, binary base64 text.
    name: 'json',
    table: { partitionKey: { name: 'id', type: 'B' }, streamViewType: 'NEW_IMAGE', ttlAttribute: 'expiresAt' },
    keyOf: projectionKeyOf,
    imageOf: (image) => JSON.parse(JSON.stringify(toNative(image))) as Record<string, unknown>,
    expected: (model, trace, observed) => model.owedImages(trace, { form: 'json', key: projectionKeyOf, ...(observed === undefined ? {} : { observed }) }),
  },
  {
    // A projection that keeps the DynamoDB JSON of the event.
    name: 'attributes',
    table: { partitionKey: { name: 'tenantId', type: 'N' }, sortKey: 'orderId', streamViewType: 'NEW_IMAGE' },
    keyOf: projectionKeyOf,
    imageOf: (image) => image,
    expected: (model, trace, observed) => model.owedImages(trace, { form: 'attributes', key: (keys) => projectionKeyOf(toNative(keys)), ...(observed === undefined ? {} : { observed }) }),
  },
];

/** What the campaign went through, so the property is known to meet what it is about. */
interface Tally {
  runs: number;
  latestSkips: number;
  givenUp: number;
  uncertain: number;
}

function campaign(form: Form, survivable: boolean, createHandler: (deps: Deps) => StreamHandler, tally?: Tally) {
  return checkStreamHandler({
    createHandler,
    deps: (): Deps => ({ store: new Map() }),
    table: form.table,
    mapping: RBIF,
    survivable,
    invariant: ({ deps, model, trace }: InvariantContext<Deps>) => {
      const projection = projectionOf(deps.store);
      const owed = model.owed(trace);
      if (tally !== undefined) {
        tally.runs++;
        if (owed.givenUp.some((d) => d.reason === 'skipped-by-LATEST')) tally.latestSkips++;
        if (owed.givenUp.some((d) => d.reason !== 'skipped-by-LATEST')) tally.givenUp++;
        if (owed.uncertain.size > 0) tally.uncertain++;
      }
      if (survivable) {
        // Survivable faults give nothing up but LATEST skips, which never reach the handler: nothing is uncertain.
        expect(owed.uncertain.size).toBe(0);
        expect(projection).toEqual(form.expected(model, trace));
      } else {
        expect(projection).toEqual(form.expected(model, trace, projection));
      }
    },
    numRuns: RUNS,
    ...(LONG ? {} : { seed: SEED }),
    regressions: false,
    name: `owedImages-${form.name}`,
  });
}

describe('model.owedImages: the one-line invariant holds for a correct projection', () => {
  for (const form of FORMS) {
    it(`form ${form.name}, default options: expect(projection).toEqual(model.owedImages(trace…)) under every generated scenario`, async () => {
      const tally: Tally = { runs: 0, latestSkips: 0, givenUp: 0, uncertain: 0 };
      await campaign(form, true, (deps) => createProjectionHandler(deps.store, form.keyOf, form.imageOf), tally);
      expect(tally.runs).toBe(RUNS);
      expect(tally.latestSkips).toBeGreaterThan(0);
    }, TIMEOUT_MS);

    it(`form ${form.name}, survivable: false: the same line with observed: projection, through discards, expiry and trims`, async () => {
      const tally: Tally = { runs: 0, latestSkips: 0, givenUp: 0, uncertain: 0 };
      await campaign(form, false, (deps) => createProjectionHandler(deps.store, form.keyOf, form.imageOf), tally);
      expect(tally.runs).toBe(RUNS);
      expect(tally.givenUp).toBeGreaterThan(0);
      expect(tally.uncertain).toBeGreaterThan(0);
    }, TIMEOUT_MS);
  }
});

describe('model.owedImages: the same line catches the buggy twins', () => {
  const native = FORMS[0]!;
  const twins: readonly [string, (deps: Deps) => StreamHandler][] = [
    ['dropsRemoves (REMOVE records ignored)', (deps) => createDropsRemovesHandler(deps.store, native.keyOf)],
    ['lostUpdate (sequence numbers compared as strings)', (deps) => createLostUpdateHandler(deps.store, native.keyOf)],
  ];
  for (const [name, createHandler] of twins) {
    it(`${name}: fails the user invariant`, async () => {
      const failure = await campaign(native, true, createHandler).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ShardcheckFailure);
      expect((failure as ShardcheckFailure).report.cause.kind).toBe('user-invariant');
    }, TIMEOUT_MS);
  }
});
