import { optionError } from '../core/index.js';

/**
 * What `SHARDCHECK_REPLAY` carries: which check printed it (a hash of its test or name), under
 * which options (a fingerprint), and how to rebuild the counterexample: fast-check's seed and path,
 * then the removals of the last shrinking pass. Written `1/<check>/<options>/<seed>/<path>/<removals>`,
 * all characters a shell reads as they are.
 */
export interface ReplayToken {
  readonly check: string;
  readonly options: string;
  readonly seed: number;
  readonly path: string;
  /** Encoded removals (`o3,f1`), empty for none. */
  readonly removals: string;
}

const VERSION = '1';
const HEX8 = /^[0-9a-f]{8}$/;
const PATH = /^\d+(:\d+)*$/;
const REMOVALS = /^[A-Za-z0-9,]*$/;

export function formatReplayToken(token: ReplayToken): string {
  return [VERSION, token.check, token.options, String(token.seed), token.path, token.removals].join('/');
}

/** Parses `SHARDCHECK_REPLAY`; undefined when unset or blank. */
export function parseReplayToken(text: string | undefined, name = 'SHARDCHECK_REPLAY'): ReplayToken | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const parts = text.trim().split('/');
  const bad = (rule: string) => optionError(name, `${rule}; paste it exactly as the report's replay line prints it`, text);
  if (parts.length !== 6) throw bad('must have the form 1/<check>/<options>/<seed>/<path>/<removals>');
  const [version, check, options, seed, path, removals] = parts as [string, string, string, string, string, string];
  if (version !== VERSION) throw bad(`was written by another shardcheck version (token version ${version}, this one reads ${VERSION})`);
  if (!HEX8.test(check) || !HEX8.test(options)) throw bad('must name its check and options as 8 hex digits each');
  if (!/^-?\d+$/.test(seed) || !Number.isSafeInteger(Number(seed))) throw bad('must carry an integer seed');
  if (!PATH.test(path)) throw bad('must carry a fast-check path like 12:0:3');
  if (!REMOVALS.test(removals)) throw bad('must carry removals of letters, digits and commas');
  return { check, options, seed: Number(seed) | 0, path, removals };
}

/** 8 lowercase hex digits of a 32-bit hash. */
export function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
