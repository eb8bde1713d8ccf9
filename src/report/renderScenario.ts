import type { FaultSchedule } from '../faults/faultSchedule.js';
import { resolveMappingConfig } from '../scenario/index.js';
import type { ScenarioParameters } from '../scenario/index.js';
import type { KeyAttribute } from '../table/tableSpec.js';
import { formatVirtualTime, quoted, stableJson, type Trace } from '../trace/index.js';
import { recordLine } from './renderWitnesses.js';
import { safeText } from './safeText.js';

/** Records listed before the rest is summarised as `… N more records`. */
const MAX_RECORDS = 40;

const json = (value: unknown, max = 160): string => safeText(stableJson(value), max);

function keyText(key: string | KeyAttribute | undefined): string | undefined {
  if (key === undefined) return undefined;
  return typeof key === 'string' ? `${quoted(key)} S` : `${quoted(key.name)} ${key.type}`;
}

function tableLine(table: ScenarioParameters['table']): string {
  const keys = [keyText(table.partitionKey), keyText(table.sortKey)].filter((k) => k !== undefined).join(', ');
  const ttl = table.ttlAttribute === undefined ? '' : `  ttl ${quoted(table.ttlAttribute)}`;
  return `  table        ${quoted(table.tableName ?? 'table')}  keys ${keys}  ${table.streamViewType ?? 'NEW_AND_OLD_IMAGES'}${ttl}`;
}

/** Mapping fields whose resolved value differs from the AWS default, as `name=value`. */
export function mappingDifferences(mapping: ScenarioParameters['mapping']): string[] {
  const defaults = resolveMappingConfig(undefined) as unknown as Record<string, unknown>;
  const resolved = resolveMappingConfig(mapping) as unknown as Record<string, unknown>;
  return Object.keys(resolved)
    .filter((key) => stableJson(resolved[key]) !== stableJson(defaults[key]))
    .map((key) => `${key}=${json(resolved[key])}`);
}

function streamLine(scenario: ScenarioParameters): string {
  const count = scenario.stream?.shardCount ?? 1;
  const topology = (scenario.stream?.topology ?? []).map((t) => `${t.kind} shard ${t.shard} at ${formatVirtualTime(t.at)}`);
  const rest = scenario.stream?.trimLagMs === undefined ? [] : [`trimLag ${scenario.stream.trimLagMs} ms`];
  return `  stream       ${count} shard${count === 1 ? '' : 's'}${[...topology, ...rest].map((t) => `; ${t}`).join('')}`;
}

/** One line per fault: invocation, timed and dependency faults. */
export function faultLines(faults: Partial<FaultSchedule> | undefined): string[] {
  const out: string[] = [];
  for (const f of faults?.invocations ?? []) {
    const extra = [f.times === undefined ? '' : ` times ${f.times}`, f.afterCalls === undefined ? '' : ` afterCalls ${f.afterCalls}`].join('');
    out.push(`invocation ${f.kind} match ${json(f.match)}${extra}`);
  }
  for (const f of faults?.timed ?? []) out.push(`timed ${f.kind} at ${formatVirtualTime(f.at)}${f.kind === 'duplicate' ? ` shard ${f.shard}` : ''}`);
  for (const f of faults?.dependencies ?? []) {
    const extra = [f.times === undefined ? '' : ` times ${f.times}`, f.error === undefined ? '' : ` error ${f.error}`].join('');
    out.push(`dependency ${f.kind} match ${json(f.match)}${extra}`);
  }
  return out;
}

/** Options the user set outside table, stream, mapping and faults, as `name value` lines. */
function otherLines(scenario: ScenarioParameters): string[] {
  const out: string[] = [];
  for (const key of ['function', 'semantics', 'timing'] as const) {
    const value = scenario[key];
    if (value !== undefined && Object.keys(value).length > 0) out.push(`  ${key.padEnd(12)} ${json(value)}`);
  }
  if (scenario.simSeed !== undefined) out.push(`  simSeed      ${scenario.simSeed}`);
  return out;
}

/**
 * The shrunk scenario in a compact notation: table, mapping fields that differ from the AWS
 * defaults, shards and topology, the stream records (`@ordinal shard key EVENT seq +t`, from the
 * trace), faults one per line, and the interleaving length.
 */
export function renderScenario(scenario: ScenarioParameters, trace: Trace): string[] {
  const mapping = mappingDifferences(scenario.mapping);
  const out = ['scenario', tableLine(scenario.table), `  mapping      ${mapping.length === 0 ? 'AWS defaults' : mapping.join(' ')}`, streamLine(scenario), ...otherLines(scenario)];
  out.push(`  operations   ${scenario.operations.length}`, `  records      ${trace.records.length}`);
  for (const record of trace.records.slice(0, MAX_RECORDS)) out.push(`    ${recordLine(trace, record.ordinal)}`);
  if (trace.records.length > MAX_RECORDS) out.push(`    … ${trace.records.length - MAX_RECORDS} more records`);
  const faults = faultLines(scenario.faults);
  out.push(`  faults       ${faults.length === 0 ? 'none' : faults.length}`, ...faults.map((line) => `    ${line}`));
  out.push(`  interleaving ${scenario.interleaving?.length ?? 0} choice${scenario.interleaving?.length === 1 ? '' : 's'}`);
  return out;
}
