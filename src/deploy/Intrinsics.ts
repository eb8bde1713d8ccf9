import type { DeploymentParameters } from './deployment.js';
import { Unresolvable } from './deploymentError.js';
import { list, scalarText, splitGetAtt } from './intrinsicArgs.js';
import { resourceAttribute } from './resourceAttribute.js';
import { parameterValue, pseudoParameter } from './templateParameter.js';

export { splitGetAtt } from './intrinsicArgs.js';

/** `AWS::NoValue`: the property (or list element) is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** A template's resource, as written. */
export interface Resource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly Condition?: string;
  readonly Metadata?: Readonly<Record<string, unknown>>;
}

/** Where the stack runs; shardcheck's simulated account unless the file says otherwise (serverless.yml `provider.region`). */
export interface StackLocation {
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
}

export interface IntrinsicsInput {
  readonly template: Readonly<Record<string, unknown>>;
  readonly parameters: DeploymentParameters;
  readonly location: StackLocation;
  /** Expands non-CloudFormation syntax in strings first (serverless.yml variables); identity by default. */
  readonly expand?: (value: string) => unknown;
}

/** The one intrinsic function an object stands for (a single `Ref`/`Fn::*` key), if any. */
export function intrinsicOf(value: unknown): [name: string, argument: unknown] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const name = keys[0]!;
  if (name === 'Condition' || !(name === 'Ref' || name.startsWith('Fn::'))) return undefined;
  return [name, (value as Record<string, unknown>)[name]];
}

/**
 * Evaluates CloudFormation intrinsic functions as far as the file alone allows: parameters take
 * the caller's value or their Default, pseudo parameters the stack location, `Ref`/`Fn::GetAtt` of
 * resources the names and ARNs CloudFormation would give them (see `resourceAttribute`), and
 * conditions are evaluated. Anything else (imports, SSM parameters, parameters without Default)
 * throws `Unresolvable` with the reason; callers add the file and property.
 */
export class Intrinsics {
  private readonly conditions = new Map<string, boolean>();
  private readonly evaluating = new Set<string>();

  constructor(private readonly input: IntrinsicsInput) {}

  get location(): StackLocation {
    return this.input.location;
  }

  /** Logical ids of the template's resources, in file order. */
  resourceIds(): string[] {
    const resources = this.input.template.Resources;
    return typeof resources === 'object' && resources !== null ? Object.keys(resources) : [];
  }

  resource(logicalId: string): Resource | undefined {
    const resources = this.input.template.Resources as Record<string, Resource> | undefined;
    const resource = resources?.[logicalId];
    return typeof resource === 'object' && resource !== null && typeof resource.Type === 'string' ? resource : undefined;
  }

  /** Resolves `value` deeply; `NO_VALUE` when it is `Ref: AWS::NoValue`. */
  resolve(value: unknown): unknown {
    if (typeof value === 'string') {
      const expanded = this.input.expand === undefined ? value : this.input.expand(value);
      return typeof expanded === 'string' ? expanded : this.resolve(expanded);
    }
    if (Array.isArray(value)) return value.map((v) => this.resolve(v)).filter((v) => v !== NO_VALUE);
    if (typeof value !== 'object' || value === null) return value;
    const intrinsic = intrinsicOf(value);
    if (intrinsic !== undefined) return this.call(intrinsic[0], intrinsic[1]);
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const resolved = this.resolve(inner);
      if (resolved !== NO_VALUE) out[key] = resolved;
    }
    return out;
  }

  /** Applies only the `expand` hook, deeply, leaving intrinsics as written (to see what a property points at). */
  expand(value: unknown): unknown {
    if (typeof value === 'string') {
      const expanded = this.input.expand === undefined ? value : this.input.expand(value);
      return typeof expanded === 'string' ? expanded : this.expand(expanded);
    }
    if (Array.isArray(value)) return value.map((v) => this.expand(v));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.expand(v)]));
  }

  /** A named condition of the template. */
  condition(name: unknown): boolean {
    if (typeof name !== 'string') throw new Unresolvable(`a condition name must be a string (got ${JSON.stringify(name)})`);
    const known = this.conditions.get(name);
    if (known !== undefined) return known;
    const conditions = this.input.template.Conditions as Record<string, unknown> | undefined;
    if (conditions === undefined || !(name in conditions)) throw new Unresolvable(`condition ${name} is not defined in Conditions`);
    if (this.evaluating.has(name)) throw new Unresolvable(`condition ${name} refers to itself`);
    this.evaluating.add(name);
    try {
      const value = this.truth(conditions[name]);
      this.conditions.set(name, value);
      return value;
    } finally {
      this.evaluating.delete(name);
    }
  }

  /** A condition expression: `Fn::Equals/And/Or/Not`, `{ Condition: name }`, or anything resolving to a boolean. */
  private truth(value: unknown): boolean {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && 'Condition' in value) {
      return this.condition((value as { Condition: unknown }).Condition);
    }
    const resolved = this.resolve(value);
    if (typeof resolved === 'boolean') return resolved;
    if (resolved === 'true' || resolved === 'false') return resolved === 'true';
    throw new Unresolvable(`a condition must evaluate to true or false (got ${JSON.stringify(resolved)})`);
  }

  private call(name: string, arg: unknown): unknown {
    switch (name) {
      case 'Ref':
        return this.ref(arg);
      case 'Fn::GetAtt':
        return this.getAtt(arg);
      case 'Fn::Sub':
        return this.sub(arg);
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = list(name, arg, 3);
        return this.resolve(this.condition(condition) ? whenTrue : whenFalse);
      }
      case 'Fn::Equals': {
        const [a, b] = list(name, arg, 2).map((v) => this.resolve(v));
        return scalarText(name, a) === scalarText(name, b);
      }
      case 'Fn::And':
        return list(name, arg).every((c) => this.truth(c));
      case 'Fn::Or':
        return list(name, arg).some((c) => this.truth(c));
      case 'Fn::Not':
        return !this.truth(list(name, arg, 1)[0]);
      default:
        return this.callValue(name, arg);
    }
  }

  private callValue(name: string, arg: unknown): unknown {
    switch (name) {
      case 'Fn::Select': {
        const [index, items] = list(name, arg, 2);
        const i = Number(this.resolve(index));
        const values = this.resolveList(name, items);
        if (!Number.isInteger(i) || i < 0 || i >= values.length) throw new Unresolvable(`Fn::Select index ${String(index)} is outside the list of ${values.length}`);
        return values[i];
      }
      case 'Fn::Join': {
        const [delimiter, items] = list(name, arg, 2);
        return this.resolveList(name, items).map((v) => scalarText(name, v)).join(scalarText(name, this.resolve(delimiter)));
      }
      case 'Fn::Split': {
        const [delimiter, source] = list(name, arg, 2);
        return scalarText(name, this.resolve(source)).split(scalarText(name, this.resolve(delimiter)));
      }
      case 'Fn::FindInMap':
        return this.findInMap(arg);
      case 'Fn::Base64':
        return Buffer.from(scalarText(name, this.resolve(arg)), 'utf8').toString('base64');
      case 'Fn::Length':
        return this.resolveList(name, arg).length;
      case 'Fn::ToJsonString':
        return JSON.stringify(this.resolve(arg));
      case 'Fn::ImportValue':
        throw new Unresolvable(`Fn::ImportValue reads another stack's export, which is not in this file`);
      default:
        throw new Unresolvable(`${name} is not evaluated by shardcheck`);
    }
  }

  private resolveList(name: string, value: unknown): unknown[] {
    const resolved = this.resolve(value);
    if (!Array.isArray(resolved)) throw new Unresolvable(`${name} needs a list (got ${JSON.stringify(resolved)})`);
    return resolved;
  }

  private ref(name: unknown): unknown {
    if (typeof name !== 'string') throw new Unresolvable(`Ref needs a name (got ${JSON.stringify(name)})`);
    const pseudo = pseudoParameter(name, this.input.location);
    if (pseudo !== undefined) return pseudo === 'NoValue' ? NO_VALUE : pseudo;
    const parameters = this.input.template.Parameters as Record<string, Record<string, unknown>> | undefined;
    const parameter = parameters?.[name];
    if (parameter !== undefined) return parameterValue(name, parameter, this.input.parameters[name]);
    if (this.resource(name) !== undefined) return resourceAttribute(this, name, undefined);
    throw new Unresolvable(`Ref ${name} names no parameter or resource of this file`);
  }

  private getAtt(arg: unknown): unknown {
    const [logicalId, attribute] = splitGetAtt(arg, (v) => this.resolve(v));
    if (this.resource(logicalId) === undefined) throw new Unresolvable(`Fn::GetAtt ${logicalId}.${attribute}: ${logicalId} is not a resource of this file`);
    return resourceAttribute(this, logicalId, attribute);
  }

  private sub(arg: unknown): string {
    const [template, variables] = typeof arg === 'string' ? [arg, {}] : list('Fn::Sub', arg, 2);
    if (typeof template !== 'string') throw new Unresolvable(`Fn::Sub needs a string (got ${JSON.stringify(template)})`);
    const vars = typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : {};
    return template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      if (name in vars) return scalarText('Fn::Sub', this.resolve(vars[name]));
      const dot = name.indexOf('.');
      const value = dot === -1 || name.startsWith('AWS::') ? this.ref(name) : this.getAtt([name.slice(0, dot), name.slice(dot + 1)]);
      return scalarText(`Fn::Sub ${whole}`, value);
    });
  }

  private findInMap(arg: unknown): unknown {
    const [map, top, second, options] = list('Fn::FindInMap', arg);
    const names = [map, top, second].map((v) => scalarText('Fn::FindInMap', this.resolve(v)));
    const mappings = this.input.template.Mappings as Record<string, Record<string, Record<string, unknown>>> | undefined;
    const found = mappings?.[names[0]!]?.[names[1]!]?.[names[2]!];
    if (found !== undefined) return this.resolve(found);
    const fallback = (options as { DefaultValue?: unknown } | undefined)?.DefaultValue;
    if (fallback !== undefined) return this.resolve(fallback);
    throw new Unresolvable(`Fn::FindInMap ${names.join('.')} is not in Mappings`);
  }
}
