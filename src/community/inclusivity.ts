/**
 * Inclusivity index: 1 − D, where D = ½ Σ_g |pᵍ − cᵍ| is the index of dissimilarity (Duncan & Duncan 1955,
 * Am Sociol Rev 20:210) between the patients' and the community's distributions over an attribute's groups.
 * 1 = the patients look exactly like the community; 0 = no overlap. Interval: a seeded parametric bootstrap
 * (Bayesian bootstrap of the patient counts, Rubin 1981 Ann Stat 9:130, drawing Dirichlet(x + ½) by
 * Marsaglia–Tsang gamma variates; community shares drawn Normal(c, se²) and renormalised); 2.5th and 97.5th
 * percentiles of 2,000 replicates. Deterministic: the same counts give the same interval.
 */
import { createRng, type Rng } from '../synth/prng.js';
import type { CommunityShare } from './community-share.js';
import type { PatientGroupCounts } from './compare.js';

export interface InclusivityIndex {
  attribute: string;
  index: number;
  lower: number;
  upper: number;
}

const REPLICATES = 2000;

function normal(rng: Rng): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000) ACM TOMS 26:363, with the shape < 1 boost. */
function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(rng);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

const dissimilarity = (p: readonly number[], c: readonly number[]): number =>
  0.5 * p.reduce((s, pi, i) => s + Math.abs(pi - (c[i] ?? 0)), 0);

const normalise = (v: number[]): number[] => {
  const s = v.reduce((a, b) => a + b, 0);
  return s > 0 ? v.map((x) => x / s) : v;
};

export function inclusivityIndex(
  attribute: string,
  patients: readonly PatientGroupCounts[],
  community: readonly CommunityShare[],
  seed = 1,
): InclusivityIndex | null {
  const comm = community.filter((c) => c.attribute === attribute);
  const x = comm.map((c) => patients.find((g) => g.attribute === attribute && g.group === c.group)?.x ?? 0);
  const n = x.reduce((a, b) => a + b, 0);
  if (comm.length < 2 || n === 0) return null;
  const cShares = normalise(comm.map((c) => c.share));
  const index = 1 - dissimilarity(normalise([...x]), cShares);
  const rng = createRng(seed);
  const reps: number[] = [];
  for (let r = 0; r < REPLICATES; r++) {
    const p = normalise(x.map((xi) => gamma(rng, xi + 0.5)));
    const c = normalise(comm.map((ci) => Math.max(0, ci.share + ci.se * normal(rng))));
    reps.push(1 - dissimilarity(p, c));
  }
  reps.sort((a, b) => a - b);
  return {
    attribute,
    index,
    lower: reps[Math.floor(0.025 * REPLICATES)]!,
    upper: reps[Math.ceil(0.975 * REPLICATES) - 1]!,
  };
}
