export { COVERAGE_ITEMS, coverageOf, type CoverageItem } from './coverageOf.js';
export { CoverageTally, type CampaignCoverage } from './CoverageTally.js';
