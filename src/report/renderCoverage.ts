import { COVERAGE_ITEMS, type CampaignCoverage } from '../coverage/index.js';

/** `coverage over 100 runs: 18 of 21 items reached`, the counts, and what no run reached. */
export function renderCoverage(coverage: CampaignCoverage): string[] {
  const reached = COVERAGE_ITEMS.filter((item) => coverage.reached[item] > 0);
  const out = [`coverage over ${coverage.runs} run${coverage.runs === 1 ? '' : 's'}: ${reached.length} of ${COVERAGE_ITEMS.length} items reached`];
  if (reached.length > 0) out.push(`  ${reached.map((item) => `${item} ${coverage.reached[item]}`).join(', ')}`);
  if (coverage.missing.length > 0) out.push(`  never reached: ${coverage.missing.join(', ')}`);
  return out;
}
