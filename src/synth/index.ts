/** Synthetic health-system data with planted disparities (`equilens synth`), for demos, tests and benchmarks. */
export { generate, EXTRACT_FILE, CONFIG_FILE, TRUTH_FILE } from './generate.js';
export type { GenerateOptions, GenerateResult } from './generate.js';
export { defaultSpec, nullSpec } from './default-spec.js';
export { parseSpec, loadSpec, SynthSpecSchema } from './spec.js';
export type { SynthSpec, SynthSpecInput, MeasureSpec, Effect, Where } from './spec.js';
export type { Truth, TruthMeasure, TruthEffect, Count } from './truth.js';
export { periodLabel } from './calendar.js';
export { syntheticCommunity } from './community.js';
export { syntheticWorkforce, WORKFORCE_HEADER, type WorkforceSpec } from './workforce.js';
