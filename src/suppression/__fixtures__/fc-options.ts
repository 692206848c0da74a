/**
 * fast-check options for the suppression properties: a fixed seed so CI is deterministic. To explore other
 * inputs set FC_SEED (a number, or "random") and optionally FC_RUNS, e.g.
 * `FC_SEED=random FC_RUNS=5000 npx vitest run src/suppression`; a failure prints the seed and path
 * to replay it (`fc.assert(…, { seed, path })`).
 */
export const FC_DEFAULT_SEED = 20261123;

export function fcOptions(numRuns: number): { seed?: number; numRuns: number } {
  const seed = process.env.FC_SEED;
  const runs = Number(process.env.FC_RUNS) || numRuns;
  if (seed === 'random') return { numRuns: runs };
  return { seed: seed ? Number(seed) : FC_DEFAULT_SEED, numRuns: runs };
}
