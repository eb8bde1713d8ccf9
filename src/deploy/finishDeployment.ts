import { deepFreeze, ShardcheckError } from '../core/index.js';
import { resolveFunctionConfig, resolveMappingConfig } from '../scenario/index.js';
import { resolveTableSpec } from '../table/index.js';
import type { Deployment } from './deployment.js';
import { deploymentError } from './deploymentError.js';

/**
 * Checks the assembled deployment with the validators `checkStreamHandler` uses, so that whatever
 * `readDeployment` returns is accepted as `mapping`, `table` and `function` options; freezes it.
 */
export function finishDeployment(deployment: Deployment): Deployment {
  const { file, resource } = deployment.origin;
  try {
    resolveMappingConfig(deployment.mapping, 'mapping');
    if (deployment.table !== undefined) resolveTableSpec(deployment.table, 'table');
    if (deployment.function !== undefined) resolveFunctionConfig(deployment.function, { region: 'us-east-1', accountId: '123456789012' }, 'function');
  } catch (error) {
    if (error instanceof ShardcheckError) throw deploymentError(file, resource, `is not accepted by shardcheck: ${error.message}`);
    throw error;
  }
  return deepFreeze(deployment);
}
