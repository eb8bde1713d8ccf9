import { Unresolvable } from './deploymentError.js';
import type { Intrinsics } from './Intrinsics.js';
import { physicalName } from './resourceAttribute.js';

/**
 * A resource's physical name. Names do not change delivery, so one that cannot be resolved (say
 * `!Sub ${Env}-orders` with no Default for `Env`) falls back to `<stack>-<LogicalId>` with a
 * warning rather than failing the whole read.
 */
export function nameOrFallback(intrinsics: Intrinsics, file: string, logicalId: string, property: string, warnings: string[]): string {
  try {
    return physicalName(intrinsics, logicalId).name;
  } catch (error) {
    if (!(error instanceof Unresolvable)) throw error;
    const fallback = `${intrinsics.location.stackName}-${logicalId}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);
    warnings.push(`deployment: ${file}: ${logicalId}.${property} cannot be resolved (${error.reason}); using ${fallback}`);
    return fallback;
  }
}
