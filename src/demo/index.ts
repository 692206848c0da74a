/** `equilens demo` orchestration: synth → ingest → analyze → report. */
export { runDemo, DEMO_PATIENTS, DEMO_SEED } from './run-demo.js';
export { headlineRank, KEY_FINDINGS, matchesHeadline, type HeadlineRank } from './headline.js';
export type { DemoOptions, DemoStep, DemoSummary } from './run-demo.js';
