/** The stratified equity analysis behind `equilens analyze` (issue #4). */
export { analyze, analyzeRun, analyzeDataset, measureInfos } from './analyze.js';
export type { AnalyzeOptions, AnalyzeRun } from './analyze.js';
export { buildPlan, combinations, PERIOD_DIM, AGE_DIM } from './plan.js';
export type { AnalysisPlan, PlanInput } from './plan.js';
export { compilePlan } from './sql.js';
export { runPlan, Cube, decodeRows } from './cube.js';
export type { Cell } from './cube.js';
export { buildResults, discoveryCombos } from './build-results.js';
export { discover, discoveryCandidates } from './discovery.js';
export { longRows, LONG_COLUMNS } from './long-table.js';
export { writeOutputs, toCsv } from './outputs.js';
