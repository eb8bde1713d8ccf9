import fc from 'fast-check';
import { readBoolean, readObject, rejectUnknownOptions } from '../core/index.js';
import { resolveMappingConfig, type MappingParameters } from '../scenario/index.js';
import { tiered } from './_internals/tiered.js';

export interface MappingConfigOptions {
  /**
   * Swarm testing: per run, each feature (bisect, partial responses, PF > 1, retry limit, age
   * limit, batching window, OnFailure destination) is independently on (a value across its AWS
   * range) or off (the AWS default), so features that mask each other also run alone.
   */
  swarm?: boolean;
  /** Region and account of the generated destination ARNs; defaults us-east-1 / 123456789012. */
  region?: string;
  accountId?: string;
}

type Field = keyof MappingParameters;
type Fields = { [K in Field]?: fc.Arbitrary<MappingParameters[K] | undefined> };
const RBIF = 'ReportBatchItemFailures';

/**
 * Valid event source mapping configurations within AWS ranges (docs/rules.md, R19–R28), biased to what makes
 * runs interesting: small batches (1..20 mostly, up to 10 000), windows mostly 0..2 s (up to
 * 300), TRIM_HORIZON mostly (LATEST sometimes), retry limits mostly 0..5 (or -1, up to 10 000),
 * age limits -1 or 60..604 800 s, PF 1..10, partial responses, OnFailure to SQS, SNS or S3.
 *
 * Fields given in `overrides` are fixed (and validated once, here); only the rest varies. `enabled`
 * is never generated. Shrinks towards the AWS defaults and smaller batches, windows and PF; retry
 * limits shrink towards 0 (the fewest retries), age limits towards -1.
 */
export function mappingConfig(overrides?: MappingParameters, options?: MappingConfigOptions): fc.Arbitrary<MappingParameters> {
  const fixed = readObject('mappingConfig.overrides', overrides ?? {}) as MappingParameters;
  resolveMappingConfig(fixed, 'mappingConfig.overrides');
  const o = readObject('mappingConfig.options', options ?? {});
  rejectUnknownOptions('mappingConfig.options', o, ['swarm', 'region', 'accountId']);
  const swarm = o.swarm === undefined ? false : readBoolean('mappingConfig.options.swarm', o.swarm);
  const region = typeof o.region === 'string' ? o.region : 'us-east-1';
  const accountId = typeof o.accountId === 'string' ? o.accountId : '123456789012';
  const fields = swarm ? swarmFields(region, accountId) : biasedFields(region, accountId);
  const varying: Fields = {};
  for (const [field, arbitrary] of Object.entries(fields) as [Field, fc.Arbitrary<unknown>][]) {
    if (!(field in fixed)) (varying as Record<string, fc.Arbitrary<unknown>>)[field] = arbitrary;
  }
  return fc.record(varying as Record<string, fc.Arbitrary<unknown>>).map((generated) => {
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(generated)) if (value !== undefined) out[field] = value;
    return { ...out, ...fixed } as MappingParameters;
  });
}

const batchSize = tiered<number>([
  { weight: 80, values: { min: 1, max: 20 } },
  { weight: 15, values: { min: 21, max: 1000 } },
  { weight: 5, values: { min: 1001, max: 10_000 } },
]);
const startingPosition = tiered<'TRIM_HORIZON' | 'LATEST'>([
  { weight: 85, values: ['TRIM_HORIZON'] },
  { weight: 15, values: ['LATEST'] },
]);

// Fresh objects per value: generated configurations never share mutable parts.
const onFailure = (destination: string | undefined): MappingParameters['destinationConfig'] =>
  destination === undefined ? undefined : { onFailure: { destination } };

function destinations(region: string, accountId: string): readonly string[] {
  return [
    `arn:aws:sqs:${region}:${accountId}:shardcheck-dlq`,
    `arn:aws:sns:${region}:${accountId}:shardcheck-failures`,
    'arn:aws:s3:::shardcheck-failures',
  ];
}

function biasedFields(region: string, accountId: string): Fields {
  return {
    batchSize,
    maximumBatchingWindowInSeconds: tiered([
      { weight: 55, values: [0] },
      { weight: 15, values: [1] },
      { weight: 10, values: [2] },
      { weight: 15, values: { min: 3, max: 30 } },
      { weight: 5, values: { min: 31, max: 300 } },
    ]),
    startingPosition,
    bisectBatchOnFunctionError: tiered([{ weight: 65, values: [false] }, { weight: 35, values: [true] }]),
    maximumRetryAttempts: tiered([
      { weight: 55, values: { min: 0, max: 5 } },
      { weight: 12, values: { min: 6, max: 100 } },
      { weight: 3, values: { min: 101, max: 10_000 } },
      { weight: 30, values: [-1] },
    ]),
    maximumRecordAgeInSeconds: tiered([
      { weight: 45, values: [-1] },
      { weight: 35, values: { min: 60, max: 3600 } },
      { weight: 20, values: { min: 3601, max: 604_800 } },
    ]),
    parallelizationFactor: tiered([{ weight: 60, values: [1] }, { weight: 40, values: { min: 2, max: 10 } }]),
    functionResponseTypes: tiered([{ weight: 50, values: [false] }, { weight: 50, values: [true] }]).map((on) => (on ? [RBIF] : [])),
    destinationConfig: tiered<string | undefined>([
      { weight: 50, values: [undefined] },
      { weight: 50, values: destinations(region, accountId) },
    ]).map(onFailure),
  };
}

/** Off (undefined: the AWS default) or on with a value; shrinks towards off. */
function gated<T>(on: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.tuple(fc.boolean(), on).map(([enabled, value]) => (enabled ? value : undefined));
}

function swarmFields(region: string, accountId: string): Fields {
  return {
    batchSize,
    startingPosition,
    maximumBatchingWindowInSeconds: gated(tiered([{ weight: 60, values: { min: 1, max: 2 } }, { weight: 30, values: { min: 3, max: 30 } }, { weight: 10, values: { min: 31, max: 300 } }])),
    bisectBatchOnFunctionError: gated(fc.constant(true)),
    // On or off like the others, but off (-1, unlimited) comes last: fewer retries admit fewer
    // survivable faults, so a retry limit shrinks towards 0, never towards unlimited.
    maximumRetryAttempts: tiered([{ weight: 40, values: { min: 0, max: 5 } }, { weight: 10, values: { min: 6, max: 10_000 } }, { weight: 50, values: [-1] }]),
    maximumRecordAgeInSeconds: gated(tiered([{ weight: 70, values: { min: 60, max: 3600 } }, { weight: 30, values: { min: 3601, max: 604_800 } }])),
    parallelizationFactor: gated(fc.integer({ min: 2, max: 10 })),
    functionResponseTypes: gated(fc.constant(true)).map((on) => (on ? [RBIF] : undefined)),
    destinationConfig: gated(fc.constantFrom(...destinations(region, accountId))).map(onFailure),
  };
}
