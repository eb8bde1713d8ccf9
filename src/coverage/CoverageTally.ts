import type { Trace } from '../trace/trace.js';
import { COVERAGE_ITEMS, coverageOf, type CoverageItem } from './coverageOf.js';

/** Coverage of a campaign as data: how many runs reached each item. */
export interface CampaignCoverage {
  readonly runs: number;
  readonly reached: Readonly<Record<CoverageItem, number>>;
  /** Items no run reached. */
  readonly missing: readonly CoverageItem[];
}

/** Accumulates {@link coverageOf} over the runs of a campaign. */
export class CoverageTally {
  private runs = 0;
  private readonly counts = new Map<CoverageItem, number>(COVERAGE_ITEMS.map((item) => [item, 0]));

  add(trace: Trace): void {
    this.runs++;
    for (const item of coverageOf(trace)) this.counts.set(item, this.counts.get(item)! + 1);
  }

  summary(): CampaignCoverage {
    const reached = Object.fromEntries(COVERAGE_ITEMS.map((item) => [item, this.counts.get(item)!])) as Record<CoverageItem, number>;
    return { runs: this.runs, reached, missing: COVERAGE_ITEMS.filter((item) => reached[item] === 0) };
  }
}
