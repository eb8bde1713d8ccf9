import { fnv1a32 } from '../core/index.js';
import { SCENARIO_FORMAT_VERSION } from './regressionCorpus.js';
import { hex8 } from './replayToken.js';

/**
 * 8 hex digits naming everything that decides which scenarios a check generates (table, mapping,
 * faults, survivable, scenario options, the deployment read from a template) and the scenario
 * format. A replay token or stored entry made under another fingerprint would rebuild another
 * scenario, so it is refused rather than silently run.
 */
export function optionsFingerprint(shaping: Readonly<Record<string, unknown>>): string {
  return hex8(fnv1a32(`${SCENARIO_FORMAT_VERSION}|${canonicalText(shaping)}`));
}

/** JSON with sorted keys; functions by name, undefined members left out, as the options read. */
export function canonicalText(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
  if (typeof value === 'bigint') return JSON.stringify(`${value}n`);
  if (typeof value === 'function') return JSON.stringify(`function ${value.name}`);
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (value instanceof Set) return `{"$set":${canonicalText([...value])}}`;
  if (value instanceof Map) return `{"$map":${canonicalText([...value])}}`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalText(v)}`).join(',')}}`;
  }
  return JSON.stringify(String(value));
}
