/**
 * Compiles a synth spec into fast lookup tables: for each measure, the patient's effect mask (one bit per
 * planted effect whose `where` matches) and the outcome probability per (period, mask). Eligibility
 * (the denominator) is a fixed clinical rule per measure kind.
 */
import type { Patient } from './population.js';
import type { Effect, MeasureKind, MeasureSpec, SynthSpec, Where } from './spec.js';

export const DEPARTMENTS = [
  'Medicine',
  'Surgery',
  'Cardiology',
  'Obstetrics',
  'Emergency',
  'Primary Care',
  'Endocrinology',
  'Behavioral Health',
] as const;
export const DEPT = {
  medicine: 0,
  surgery: 1,
  cardiology: 2,
  obstetrics: 3,
  emergency: 4,
  primaryCare: 5,
  endocrinology: 6,
  behavioral: 7,
} as const;
export const ENCOUNTER_TYPES = ['IP', 'ED', 'OP'] as const;
export const ENC = { inpatient: 0, emergency: 1, outpatient: 2 } as const;

export const MEASURE_INFO: Record<
  MeasureKind,
  {
    title: string;
    direction: 'lower_is_better' | 'higher_is_better';
    /** Outcome measures rank before process measures of similar strength (analysis.ranking). */
    type: 'outcome' | 'process';
    unit: string;
    denominator: string;
    /** Plain language: what puts a unit in the numerator. */
    numerator: string;
  }
> = {
  readmit30: {
    title: '30-day all-cause readmission',
    direction: 'lower_is_better',
    type: 'outcome',
    unit: 'discharge',
    denominator: 'inpatient discharges, age 18+',
    numerator: 'readmitted to hospital within 30 days of discharge',
  },
  ed_revisit7: {
    title: 'Emergency department return within 7 days',
    direction: 'lower_is_better',
    type: 'outcome',
    unit: 'ED visit',
    denominator: 'emergency department visits',
    numerator: 'back in the emergency department within 7 days',
  },
  hba1c_poor: {
    title: 'HbA1c poor control (>9%)',
    direction: 'lower_is_better',
    type: 'outcome',
    unit: 'visit',
    denominator: 'primary-care and endocrinology visits of people with diabetes aged 18-75',
    numerator: 'with the latest HbA1c above 9% (or none recorded)',
  },
  bp_control: {
    title: 'Controlling high blood pressure (<140/90)',
    direction: 'higher_is_better',
    type: 'outcome',
    unit: 'visit',
    denominator: 'primary-care and cardiology visits of people with hypertension aged 18-85',
    numerator: 'with blood pressure below 140/90',
  },
  crc_screen: {
    title: 'Colorectal cancer screening up to date',
    direction: 'higher_is_better',
    type: 'process',
    unit: 'visit',
    denominator: 'primary-care visits, age 45-75',
    numerator: 'with colorectal cancer screening up to date',
  },
  depression_screen: {
    title: 'Depression screening',
    direction: 'higher_is_better',
    type: 'process',
    unit: 'visit',
    denominator: 'primary-care visits, age 12+',
    numerator: 'with a depression screening',
  },
  postpartum_visit: {
    title: 'Postpartum visit within 12 weeks',
    direction: 'higher_is_better',
    type: 'process',
    unit: 'delivery',
    denominator: 'delivery admissions',
    numerator: 'followed by a postpartum visit within 12 weeks',
  },
};

/** Is the encounter in the measure's denominator? */
export function eligible(kind: MeasureKind, type: number, dept: number, age: number, p: Patient): boolean {
  switch (kind) {
    case 'readmit30':
      return type === ENC.inpatient && age >= 18;
    case 'ed_revisit7':
      return type === ENC.emergency;
    case 'hba1c_poor':
      return (
        type === ENC.outpatient &&
        p.diabetes &&
        age >= 18 &&
        age <= 75 &&
        (dept === DEPT.primaryCare || dept === DEPT.endocrinology)
      );
    case 'bp_control':
      return (
        type === ENC.outpatient &&
        p.hypertension &&
        age >= 18 &&
        age <= 85 &&
        (dept === DEPT.primaryCare || dept === DEPT.cardiology)
      );
    case 'crc_screen':
      return type === ENC.outpatient && dept === DEPT.primaryCare && age >= 45 && age <= 75;
    case 'depression_screen':
      return type === ENC.outpatient && dept === DEPT.primaryCare && age >= 12;
    case 'postpartum_visit':
      return type === ENC.inpatient && dept === DEPT.obstetrics;
  }
}

export interface CompiledMeasure {
  id: string;
  kind: MeasureKind;
  title: string;
  direction: 'lower_is_better' | 'higher_is_better';
  spec: MeasureSpec;
  nMasks: number;
  /** Outcome probability at [period * nMasks + mask]. */
  prob: Float64Array;
}

const logit = (p: number): number => Math.log(p / (1 - p));
const expit = (x: number): number => 1 / (1 + Math.exp(-x));

/** The odds ratio of an effect in period `period` (0-based). */
export function effectOddsRatio(effect: Effect, period: number): number {
  const c = effect.change;
  if (!c || period + 1 < c.start) return effect.odds_ratio;
  const t = Math.min(1, (period + 2 - c.start) / c.over);
  return Math.exp((1 - t) * Math.log(effect.odds_ratio) + t * Math.log(c.odds_ratio));
}

export function compileMeasures(spec: SynthSpec): CompiledMeasure[] {
  return spec.measures.map((m) => {
    const nMasks = 1 << m.effects.length;
    const prob = new Float64Array(spec.periods * nMasks);
    const base = logit(m.base_rate);
    const trend = Math.log(m.trend.odds_ratio_per_period);
    for (let t = 0; t < spec.periods; t++) {
      const logOr = m.effects.map((e) => Math.log(effectOddsRatio(e, t)));
      for (let mask = 0; mask < nMasks; mask++) {
        let x = base + trend * t;
        for (let e = 0; e < logOr.length; e++) if (mask & (1 << e)) x += logOr[e]!;
        prob[t * nMasks + mask] = expit(x);
      }
    }
    const info = MEASURE_INFO[m.measure];
    return {
      id: m.id ?? m.measure,
      kind: m.measure,
      title: m.title ?? info.title,
      direction: info.direction,
      spec: m,
      nMasks,
      prob,
    };
  });
}

/** Does the patient match `where`? Every key must match (AND); a list matches any of its labels (OR). */
export function matches(where: Where, p: Patient): boolean {
  for (const [key, want] of Object.entries(where)) {
    if (want === undefined) continue;
    if (key === 'age') {
      const { min, max } = want as { min: number; max: number };
      if (p.ageAtStart < min || p.ageAtStart > max) return false;
      continue;
    }
    const have = p.labels[key];
    if (typeof want === 'string' ? have !== want : !(want as string[]).includes(have ?? '')) return false;
  }
  return true;
}

/** The patient's effect mask for a measure. */
export function effectMask(m: CompiledMeasure, p: Patient): number {
  let mask = 0;
  const effects = m.spec.effects;
  for (let e = 0; e < effects.length; e++) if (matches(effects[e]!.where, p)) mask |= 1 << e;
  return mask;
}
