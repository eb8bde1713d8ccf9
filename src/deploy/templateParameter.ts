import type { DeploymentParameters } from './deployment.js';
import { Unresolvable } from './deploymentError.js';
import type { StackLocation } from './Intrinsics.js';

/** A pseudo parameter's value at `location`; `'NoValue'` for `AWS::NoValue`; undefined for other names. */
export function pseudoParameter(name: string, location: StackLocation): unknown {
  const { region, accountId, stackName } = location;
  switch (name) {
    case 'AWS::NoValue':
      return 'NoValue';
    case 'AWS::Region':
      return region;
    case 'AWS::AccountId':
      return accountId;
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::StackName':
      return stackName;
    case 'AWS::StackId':
      return `arn:aws:cloudformation:${region}:${accountId}:stack/${stackName}/00000000-0000-0000-0000-000000000000`;
    case 'AWS::NotificationARNs':
      return [];
    default:
      return undefined;
  }
}

/** A template parameter: the caller's value, else its Default, typed by its Type (Number, lists); SSM parameters need a value. */
export function parameterValue(name: string, declaration: Record<string, unknown>, given: DeploymentParameters[string] | undefined): unknown {
  const type = typeof declaration.Type === 'string' ? declaration.Type : 'String';
  if (given === undefined && type.startsWith('AWS::SSM::Parameter::Value')) {
    throw new Unresolvable(`parameter ${name} is read from SSM Parameter Store at deploy time; pass its value in \`parameters\``);
  }
  const value = given ?? declaration.Default;
  if (value === undefined) throw new Unresolvable(`parameter ${name} has no Default; pass its value in \`parameters\``);
  if (type === 'Number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if ((type === 'CommaDelimitedList' || type.startsWith('List<')) && typeof value === 'string') return value.split(',').map((s) => s.trim());
  return value;
}
