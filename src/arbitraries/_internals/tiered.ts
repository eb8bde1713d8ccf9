import fc from 'fast-check';

/** A range of values with its share of the draws. */
export interface Tier<T> {
  readonly weight: number;
  readonly values: readonly T[] | { readonly min: number; readonly max: number };
}

/**
 * A weighted mixture of tiers as one integer arbitrary mapped monotonically: the first tier takes
 * the smallest raw values and, within a tier, smaller raw values give smaller values. So a value
 * shrinks within its tier towards the tier's start, then into earlier tiers: list the tiers from
 * "least surprising" to "most".
 */
export function tiered<T>(tiers: readonly Tier<T>[]): fc.Arbitrary<T> {
  const scale = 1000;
  const bounds: number[] = [];
  let total = 0;
  for (const tier of tiers) bounds.push((total += tier.weight * scale));
  return fc.integer({ min: 0, max: total - 1 }).map((raw) => {
    let start = 0;
    for (let i = 0; i < tiers.length; i++) {
      const end = bounds[i]!;
      if (raw < end) return valueIn(tiers[i]!.values, (raw - start) / (end - start));
      start = end;
    }
    throw new Error('shardcheck internal invariant violated: tiered value out of range');
  });
}

function valueIn<T>(values: Tier<T>['values'], fraction: number): T {
  if (Array.isArray(values)) return values[Math.floor(fraction * values.length)] as T;
  const { min, max } = values as { min: number; max: number };
  return (min + Math.floor(fraction * (max - min + 1))) as T;
}
