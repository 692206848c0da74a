/**
 * A synthetic predictions file with planted problems (issue #15), to check that `audit-model` finds them:
 * each row has a true risk r = expit(z), z ~ N(−1.2, 1.1²), and a label y ~ Bernoulli(r). The score is
 * - `White` (the largest group, the reference): r itself (calibrated, discriminates as well as r can);
 * - {@link PLANTED}.under: expit(logit r − 1) — under-predicts (observed/expected > 1, intercept ≈ +1);
 * - {@link PLANTED}.over: expit(logit r + 1) — over-predicts (observed/expected < 1, intercept ≈ −1);
 * - {@link PLANTED}.poor: expit(−1.2 + 0.25·(z + 1.2) + e), e ~ N(0, 0.9²) — weak discrimination (lower AUC);
 * - a few rows with race Declined and Unknown, scored like the reference.
 * Sex is female/male at random. Deterministic for a seed; no real person.
 */
import { createRng, type Rng } from './prng.js';

export const PLANTED = {
  reference: 'White',
  under: 'Black or African American',
  over: 'Asian',
  poor: 'Hispanic or Latino',
} as const;

export interface PredictionRow {
  patient_id: string;
  race: string;
  sex: 'female' | 'male';
  score: number;
  label: 0 | 1;
}

const expit = (x: number) => 1 / (1 + Math.exp(-x));

function normal(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-300);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** `n` rows per planted group (the reference gets 2n; Declined and Unknown n/20 each). */
export function syntheticPredictions(opts: { seed?: number; perGroup?: number } = {}): PredictionRow[] {
  const rng = createRng(opts.seed ?? 15);
  const n = opts.perGroup ?? 1500;
  const plan: [string, number][] = [
    [PLANTED.reference, 2 * n],
    [PLANTED.under, n],
    [PLANTED.over, n],
    [PLANTED.poor, n],
    ['Declined', Math.ceil(n / 20)],
    ['Unknown', Math.ceil(n / 20)],
  ];
  const rows: PredictionRow[] = [];
  let id = 0;
  for (const [race, count] of plan) {
    for (let i = 0; i < count; i++) {
      const z = -1.2 + 1.1 * normal(rng);
      const label: 0 | 1 = rng.next() < expit(z) ? 1 : 0;
      const logitScore =
        race === PLANTED.under
          ? z - 1
          : race === PLANTED.over
            ? z + 1
            : race === PLANTED.poor
              ? -1.2 + 0.25 * (z + 1.2) + 0.9 * normal(rng)
              : z;
      rows.push({
        patient_id: `P${String(++id).padStart(6, '0')}`,
        race,
        sex: rng.next() < 0.5 ? 'female' : 'male',
        score: expit(logitScore),
        label,
      });
    }
  }
  return rows;
}

/** The rows as CSV (header patient_id,race,sex,score,label). */
export function predictionsCsv(rows: readonly PredictionRow[]): string {
  const lines = rows.map((r) => `${r.patient_id},${r.race},${r.sex},${r.score.toFixed(6)},${r.label}`);
  return `patient_id,race,sex,score,label\n${lines.join('\n')}\n`;
}
