/**
 * Results from counts: everything `equilens analyze` computes once the engine has returned its aggregates
 * (strata, comparisons, reference groups, q-values, summaries, standardisation, trends, intersections,
 * discovery, findings, the long table). Pure: no I/O, no engine, so a server can re-rank or re-suppress a
 * results file without importing one.
 */
export { buildPlan, combinations, setKey, PERIOD_DIM, AGE_DIM } from './plan.js';
export type { AnalysisPlan, PlanInput } from './plan.js';
export { Cube, engineSets, rollUp } from './cube.js';
export type { Cell } from './cube.js';
export { buildResults, discoveryCombos } from './build-results.js';
export { discover, discoveryCandidates } from './discovery.js';
export { longRows, LONG_COLUMNS } from './long-table.js';
