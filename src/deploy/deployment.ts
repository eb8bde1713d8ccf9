import type { FunctionParameters, MappingParameters } from '../scenario/index.js';
import type { TableParameters } from '../table/index.js';

/** The stream a mapping reads. shardcheck simulates DynamoDB Streams; Kinesis mappings are read but not yet checkable. */
export type StreamSource = 'dynamodb' | 'kinesis';

/** Every field of `MappingParameters` set: from the deployment, or the platform's default. */
export type DeployedMapping = { readonly [K in keyof MappingParameters]-?: Exclude<MappingParameters[K], undefined> };

/** Where a deployment was read from. */
export interface DeploymentOrigin {
  /** The file, as given (for a `cdk.out` directory: the template inside it). */
  readonly file: string;
  /**
   * The mapping: an `AWS::Lambda::EventSourceMapping` logical id, `<Function>.Events.<Event>` for
   * a SAM function event, `functions.<name>.events[<i>]` for a serverless.yml stream event.
   */
  readonly resource: string;
  /** The function's logical id (or serverless.yml key), when the file defines it. */
  readonly function?: string;
}

/**
 * A setting the user deployed that shardcheck reads but cannot simulate yet (filters, tumbling
 * windows, AT_TIMESTAMP starts, unknown properties). `checkStreamHandler` refuses a deployment
 * with any of them rather than check something other than what runs on AWS.
 */
export interface UnsupportedSetting {
  /** The property in the file, e.g. `StreamMapping.FilterCriteria`. */
  readonly property: string;
  /** The AWS API field in camelCase, e.g. `filterCriteria` (the property name for unknown ones). */
  readonly setting: string;
  /** The resolved value as deployed. */
  readonly value: unknown;
  readonly reason: string;
}

/** One stream mapping as deployed, read by `readDeployment`. */
export interface Deployment {
  readonly source: StreamSource;
  readonly mapping: DeployedMapping;
  /** The function's settings, when the file defines the function. */
  readonly function?: FunctionParameters;
  /** The table, when the file defines it (key schema, stream view type, TTL, name). */
  readonly table?: TableParameters;
  readonly origin: DeploymentOrigin;
  readonly unsupported: readonly UnsupportedSetting[];
  /** What was read but does not change delivery (metrics, tags, KMS keys), and gaps such as a table defined elsewhere. */
  readonly warnings: readonly string[];
}

/** Values for template parameters (CloudFormation/SAM `Parameters`; serverless.yml `${opt:…}`, `${param:…}`, `${env:…}`). */
export type DeploymentParameters = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export interface ReadDeploymentOptions {
  /**
   * Which mapping, when the file has several: a function's logical id or name (serverless.yml:
   * its key or `name`), a CDK construct id or path, an `AWS::Lambda::EventSourceMapping` logical
   * id, or `<Function>.<Event>` for a SAM event.
   */
  select?: string;
  /** Like `sam deploy --parameter-overrides`: these win over the template's Defaults. */
  parameters?: DeploymentParameters;
}
