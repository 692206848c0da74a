/**
 * A synthetic workforce (one row per employee) for the demo and the tests: job families and levels with
 * their own pay scales, tenure and FTE, hires, promotions and exits, and an optional planted pay gap — a
 * group paid a fixed fraction less at equal level, family, tenure and FTE — and promotion gap. No real person.
 */
import { createRng, type Rng } from './prng.js';

export interface WorkforceSpec {
  employees: number;
  seed: number;
  /** Planted: this race group is paid (1 + payGap) times the others at equal job (e.g. −0.06). */
  payGap?: { group: string; gap: number };
  /** Planted: this race group's promotion probability is multiplied by `ratio`. */
  promotionGap?: { group: string; ratio: number };
}

const RACES: [label: string, weight: number][] = [
  ['White', 0.52],
  ['Black or African American', 0.2],
  ['Hispanic or Latino', 0.16],
  ['Asian', 0.1],
  ['Declined', 0.02],
];
const FAMILIES = ['Nursing', 'Allied health', 'Administration', 'Environmental services'];
const LEVELS: [name: string, base: number, weight: number][] = [
  ['L1 Entry', 42000, 0.45],
  ['L2 Experienced', 58000, 0.35],
  ['L3 Senior', 78000, 0.15],
  ['L4 Leadership', 115000, 0.05],
];
const DEPARTMENTS = ['Emergency', 'Medicine', 'Surgery', 'Primary Care'];

function weighted<T>(rng: Rng, items: readonly T[], weight: (t: T) => number): T {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let u = rng.next() * total;
  for (const t of items) if ((u -= weight(t)) < 0) return t;
  return items[items.length - 1]!;
}

/** Standard normal by Box–Muller. */
const normal = (rng: Rng) => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

export const WORKFORCE_HEADER = [
  'employee_id',
  'race_ethnicity',
  'sex',
  'job_family',
  'level',
  'department',
  'tenure_years',
  'fte',
  'pay',
  'hired',
  'promoted',
  'exited',
];

/** Rows of the synthetic HR extract, header first. */
export function syntheticWorkforce(spec: WorkforceSpec): string[][] {
  const rng = createRng(spec.seed);
  const rows: string[][] = [WORKFORCE_HEADER];
  for (let i = 0; i < spec.employees; i++) {
    const race = weighted(rng, RACES, (r) => r[1])[0];
    const sex = rng.next() < 0.7 ? 'Female' : 'Male';
    const family = FAMILIES[rng.int(FAMILIES.length)]!;
    const [level, base] = weighted(rng, LEVELS, (l) => l[2]);
    const tenure = Math.round(rng.next() * 200) / 10;
    const fte = rng.next() < 0.8 ? 1 : 0.5;
    const gap = spec.payGap && spec.payGap.group === race ? 1 + spec.payGap.gap : 1;
    const familyFactor = 1 + 0.08 * FAMILIES.indexOf(family) * (family === 'Environmental services' ? -1 : 1);
    const pay = base * familyFactor * (1 + 0.012 * tenure) * fte * gap * Math.exp(0.08 * normal(rng));
    const promoteP = 0.08 * (spec.promotionGap?.group === race ? spec.promotionGap.ratio : 1);
    rows.push([
      `E${String(i + 1).padStart(5, '0')}`,
      race,
      sex,
      family,
      level,
      DEPARTMENTS[rng.int(DEPARTMENTS.length)]!,
      tenure.toFixed(1),
      String(fte),
      pay.toFixed(0),
      rng.next() < 0.1 ? '1' : '0',
      rng.next() < promoteP ? '1' : '0',
      rng.next() < 0.09 ? '1' : '0',
    ]);
  }
  return rows;
}
