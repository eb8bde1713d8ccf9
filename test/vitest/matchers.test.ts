import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectionHandler, type ProjectionStore } from '../../fixtures/handlers/projection.js';
import { createDropsRemovesHandler } from '../../fixtures/handlers/dropsRemoves.js';
import { registerMatchers } from '../../src/vitest/index.js';
import { projectionMatchesModel, TABLE } from '../run/support.js';

const options = {
  deps: () => ({ store: new Map() as ProjectionStore }),
  table: TABLE,
  mapping: { startingPosition: 'TRIM_HORIZON' as const, functionResponseTypes: ['ReportBatchItemFailures' as const] },
  invariant: projectionMatchesModel,
  numRuns: 30,
  seed: 11,
  regressions: false as const,
};

describe('toSurviveStreamFaults', () => {
  beforeAll(() => registerMatchers());

  it('passes for a correct handler factory', async () => {
    await expect({ createHandler: (deps: { store: ProjectionStore }) => createProjectionHandler(deps.store) }).toSurviveStreamFaults(options);
  });

  it('fails with the shardcheck report for a buggy handler (negated here)', async () => {
    await expect({ createHandler: (deps: { store: ProjectionStore }) => createDropsRemovesHandler(deps.store) }).not.toSurviveStreamFaults(options);
  });

  it('puts the report in the failure message', async () => {
    const failing = expect({ createHandler: (deps: { store: ProjectionStore }) => createDropsRemovesHandler(deps.store) }).toSurviveStreamFaults(options);
    await expect(failing).rejects.toThrow(/^shardcheck: your invariant failed.*\nreplay: SHARDCHECK_REPLAY=1\/[0-9a-f]{8}\/[0-9a-f]{8}\/11\/[\d:]+\/\S* npx vitest run test\/vitest\/matchers\.test\.ts -t '\^toSurviveStreamFaults puts the report in the failure message\$'\n/);
  });

  it('rejects what is neither a handler nor a factory', async () => {
    await expect(expect(42).toSurviveStreamFaults(options)).rejects.toThrow('toSurviveStreamFaults expects a handler function or { createHandler } (got number)');
  });
});
