/** The engine pass of the stratified equity analysis behind `equilens analyze`, and its output files. */
export { analyze, analyzeRun, analyzeDataset, measureInfos } from './analyze.js';
export type { AnalyzeOptions, AnalyzeRun } from './analyze.js';
export { compilePlan } from './sql.js';
export { runPlan, decodeRows } from './run-plan.js';
export { writeOutputs, toCsv } from './outputs.js';
