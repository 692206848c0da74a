/**
 * Ground truth: counts realised while generating, written to `truth.json` beside the planted spec so tests
 * (and the analysis engineer's power/FDR simulations) know exactly what was planted and what came out.
 */
import type { CompiledMeasure } from './measures-model.js';
import { effectOddsRatio } from './measures-model.js';
import { RE_LABELS, type Patient } from './population.js';
import type { SynthSpec, Where } from './spec.js';
import { periodLabel } from './calendar.js';

const POPULATION_KEYS = [
  'race_ethnicity',
  'sex',
  'payer',
  'language',
  'limited_english',
  'gender_identity',
  'sexual_orientation',
  'disability',
  'hrsn_food',
  'hrsn_housing_instability',
  'hrsn_transportation',
  'county',
  'site',
] as const;

export interface Tally {
  patient(p: Patient): void;
  outcome(measure: number, period: number, mask: number, p: Patient, hit: boolean): void;
  num: Int32Array[];
  den: Int32Array[];
  reNum: Int32Array[];
  reDen: Int32Array[];
  population: Record<string, Record<string, number>>;
  ageBands: Record<string, number>;
}

export function createTally(spec: SynthSpec, measures: CompiledMeasure[]): Tally {
  const nRe = RE_LABELS.length;
  const population: Record<string, Record<string, number>> = {};
  for (const k of POPULATION_KEYS) population[k] = {};
  const ageBands: Record<string, number> = {};
  const t: Tally = {
    num: measures.map((m) => new Int32Array(spec.periods * m.nMasks)),
    den: measures.map((m) => new Int32Array(spec.periods * m.nMasks)),
    reNum: measures.map(() => new Int32Array(spec.periods * nRe)),
    reDen: measures.map(() => new Int32Array(spec.periods * nRe)),
    population,
    ageBands,
    patient(p) {
      for (const k of POPULATION_KEYS) {
        const bucket = population[k]!;
        const v = p.labels[k]!;
        bucket[v] = (bucket[v] ?? 0) + 1;
      }
      const a = p.ageAtStart;
      const band = a < 18 ? '0-17' : a < 40 ? '18-39' : a < 65 ? '40-64' : a < 80 ? '65-79' : '80+';
      ageBands[band] = (ageBands[band] ?? 0) + 1;
    },
    outcome(i, period, mask, p, hit) {
      const m = measures[i]!;
      const cell = period * m.nMasks + mask;
      t.den[i]![cell]!++;
      const reCell = period * nRe + p.reIndex;
      t.reDen[i]![reCell]!++;
      if (hit) {
        t.num[i]![cell]!++;
        t.reNum[i]![reCell]!++;
      }
    },
  };
  return t;
}

export interface Count {
  numerator: number;
  denominator: number;
  rate: number | null;
}
const count = (numerator: number, denominator: number): Count => ({
  numerator,
  denominator,
  rate: denominator ? numerator / denominator : null,
});

export interface TruthEffect {
  index: number;
  where: Where;
  label?: string;
  tags: string[];
  /** Planted odds ratio per period (changes after a PDSA start). */
  oddsRatioByPeriod: number[];
  /** Patients in the group vs everyone else in the denominator. */
  group: Count;
  rest: Count;
  difference: number | null;
  ratio: number | null;
  byPeriod: { period: string; group: Count; rest: Count; difference: number | null }[];
}

export interface TruthMeasure {
  id: string;
  kind: string;
  title: string;
  direction: 'lower_is_better' | 'higher_is_better';
  baseRate: number;
  overall: Count;
  byPeriod: { period: string; count: Count }[];
  byRaceEthnicity: Record<string, Count>;
  effects: TruthEffect[];
}

export interface Truth {
  generator: 'equilens synth';
  seed: number;
  patients: number;
  rows: number;
  periods: string[];
  spec: SynthSpec;
  /** Patient counts by canonical label (latent truth, before ingest). */
  population: Record<string, Record<string, number>>;
  ageBands: Record<string, number>;
  measures: TruthMeasure[];
  /** The effect tagged "headline" (measure id and where), when there is one. */
  headline: { measure: string; where: Where } | null;
  notes: string[];
}

export function buildTruth(
  spec: SynthSpec,
  measures: CompiledMeasure[],
  t: Tally,
  meta: { seed: number; patients: number; rows: number; start: number },
): Truth {
  const periods = Array.from({ length: spec.periods }, (_, i) => periodLabel(spec.start, i));
  let headline: Truth['headline'] = null;
  const nRe = RE_LABELS.length;
  const out = measures.map((m, i): TruthMeasure => {
    const num = t.num[i]!;
    const den = t.den[i]!;
    const sum = (pred: (period: number, mask: number) => boolean): [number, number] => {
      let n = 0;
      let d = 0;
      for (let period = 0; period < spec.periods; period++)
        for (let mask = 0; mask < m.nMasks; mask++)
          if (pred(period, mask)) {
            n += num[period * m.nMasks + mask]!;
            d += den[period * m.nMasks + mask]!;
          }
      return [n, d];
    };
    const diff = (a: Count, b: Count): number | null =>
      a.rate !== null && b.rate !== null ? a.rate - b.rate : null;
    const effects = m.spec.effects.map((e, k): TruthEffect => {
      const bit = 1 << k;
      const group = count(...sum((_, mask) => (mask & bit) !== 0));
      const rest = count(...sum((_, mask) => (mask & bit) === 0));
      if (e.tags.includes('headline') && !headline) headline = { measure: m.id, where: e.where };
      return {
        index: k,
        where: e.where,
        label: e.label,
        tags: e.tags,
        oddsRatioByPeriod: periods.map((_, p) => effectOddsRatio(e, p)),
        group,
        rest,
        difference: diff(group, rest),
        ratio: group.rate !== null && rest.rate ? group.rate / rest.rate : null,
        byPeriod: periods.map((label, p) => {
          const g = count(...sum((period, mask) => period === p && (mask & bit) !== 0));
          const r = count(...sum((period, mask) => period === p && (mask & bit) === 0));
          return { period: label, group: g, rest: r, difference: diff(g, r) };
        }),
      };
    });
    const byRaceEthnicity: Record<string, Count> = {};
    RE_LABELS.forEach((label, r) => {
      let n = 0;
      let d = 0;
      for (let p = 0; p < spec.periods; p++) {
        n += t.reNum[i]![p * nRe + r]!;
        d += t.reDen[i]![p * nRe + r]!;
      }
      byRaceEthnicity[label] = count(n, d);
    });
    return {
      id: m.id,
      kind: m.kind,
      title: m.title,
      direction: m.direction,
      baseRate: m.spec.base_rate,
      overall: count(...sum(() => true)),
      byPeriod: periods.map((period, p) => ({ period, count: count(...sum((q) => q === p)) })),
      byRaceEthnicity,
      effects,
    };
  });
  return {
    generator: 'equilens synth',
    seed: meta.seed,
    patients: meta.patients,
    rows: meta.rows,
    periods,
    spec,
    population: t.population,
    ageBands: t.ageBands,
    measures: out,
    headline,
    notes: [
      'Labels are the latent canonical categories the generator assigned; ingest derives them again from local codes.',
      'Effects are odds ratios that multiply; `age` in a where is the age at the start of the window.',
      'Outcomes are independent across encounters given the patient (no within-patient correlation).',
    ],
  };
}
