export { readDeployment } from './readDeployment.js';
export { applyDeployment, type DeploymentOption, type DeploymentOverrides, type AppliedDeployment } from './applyDeployment.js';
export type {
  Deployment,
  DeployedMapping,
  DeploymentOrigin,
  DeploymentParameters,
  ReadDeploymentOptions,
  StreamSource,
  UnsupportedSetting,
} from './deployment.js';
