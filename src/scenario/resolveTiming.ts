import { deepFreeze, optionError, readFinite, readObject, rejectUnknownOptions } from '../core/index.js';
import { DEFAULT_TIMING, type Timing } from './timing.js';

/** Overrides of the simulated service's virtual-time constants; each is a finite number of ms >= 0. */
export function resolveTiming(params: Partial<Timing> | undefined, path = 'timing'): Timing {
  const p = readObject(path, params ?? {});
  const keys = Object.keys(DEFAULT_TIMING) as (keyof Timing)[];
  rejectUnknownOptions(path, p, keys);
  const resolved: Record<string, number> = { ...DEFAULT_TIMING };
  for (const key of keys) {
    if (p[key] !== undefined) resolved[key] = readFinite(`${path}.${key}`, p[key], 0, ruleFor(key));
  }
  const timing = resolved as unknown as Timing;
  // A zero poll interval would make the event loop poll forever without advancing time.
  if (timing.pollIntervalMs === 0) throw optionError(`${path}.pollIntervalMs`, ruleFor('pollIntervalMs'), 0);
  if (timing.retryBaseMs > timing.retryMaxMs) {
    throw optionError(`${path}.retryBaseMs`, `must be <= ${path}.retryMaxMs (${timing.retryMaxMs})`, timing.retryBaseMs);
  }
  return deepFreeze(timing);
}

function ruleFor(key: keyof Timing): string {
  return key === 'pollIntervalMs' ? 'must be a finite number > 0' : 'must be a finite number >= 0';
}
