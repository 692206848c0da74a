/**
 * The default planted disparities (what `equilens synth` and `equilens demo` generate) and a null spec
 * (same population and measures, nothing planted) for false-discovery simulations.
 */
import { PAYER, RACE_ETHNICITY_2024, SEX } from '../model/index.js';
import { parseSpec, type SynthSpec } from './spec.js';

const BLACK = RACE_ETHNICITY_2024.black;
const HISPANIC = RACE_ETHNICITY_2024.hispanic;

/**
 * - Headline: 30-day readmission is higher for Black patients (OR 1.45).
 * - Hidden intersectional gap: poor HbA1c control for Black women on Medicaid (OR 2.6), while Black,
 *   female and Medicaid alone carry little or no effect.
 * - Narrowing gap: blood-pressure control for Black patients (OR 0.55) moves to OR 0.9 after a PDSA
 *   change starting in period 5.
 * - Access gap: 60% of Surgery's encounters of Medicaid, dual-eligible and uninsured patients go elsewhere,
 *   so Surgery's payer mix is far from its peers' (payer mix by department).
 */
export function defaultSpec(): SynthSpec {
  return parseSpec({
    name: 'Lakeshore Health (synthetic)',
    start: '2024-01-01',
    periods: 8,
    measures: [
      {
        measure: 'readmit30',
        base_rate: 0.11,
        effects: [
          {
            where: { race_ethnicity: BLACK },
            odds_ratio: 1.45,
            label: 'Black patients are readmitted more often',
            tags: ['headline'],
          },
          { where: { payer: [PAYER.medicaid, PAYER.dual] }, odds_ratio: 1.2 },
          { where: { hrsn_housing_instability: 'Positive' }, odds_ratio: 1.5 },
          { where: { limited_english: 'Yes' }, odds_ratio: 1.25 },
        ],
        trend: { odds_ratio_per_period: 0.99 },
      },
      {
        measure: 'hba1c_poor',
        base_rate: 0.17,
        effects: [
          {
            where: { race_ethnicity: BLACK, sex: SEX.female, payer: PAYER.medicaid },
            odds_ratio: 2.6,
            label: 'Black women on Medicaid: hidden intersectional gap',
            tags: ['hidden_intersection'],
          },
          { where: { race_ethnicity: HISPANIC }, odds_ratio: 1.3 },
          { where: { hrsn_food: 'Positive' }, odds_ratio: 1.4 },
          { where: { payer: PAYER.selfPay }, odds_ratio: 1.5 },
        ],
      },
      {
        measure: 'bp_control',
        base_rate: 0.68,
        effects: [
          {
            where: { race_ethnicity: BLACK },
            odds_ratio: 0.55,
            change: { start: 5, odds_ratio: 0.9, over: 3 },
            label: 'Blood-pressure control gap narrows after a PDSA cycle (period 5)',
            tags: ['narrowing'],
          },
          { where: { payer: PAYER.selfPay }, odds_ratio: 0.7 },
        ],
        trend: { odds_ratio_per_period: 1.02 },
      },
      {
        measure: 'crc_screen',
        base_rate: 0.64,
        effects: [
          { where: { payer: PAYER.selfPay }, odds_ratio: 0.45 },
          { where: { limited_english: 'Yes' }, odds_ratio: 0.7 },
          { where: { disability: 'Yes' }, odds_ratio: 0.8 },
        ],
      },
      {
        measure: 'ed_revisit7',
        base_rate: 0.08,
        effects: [
          { where: { hrsn_housing_instability: 'Positive' }, odds_ratio: 1.8 },
          { where: { hrsn_transportation: 'Positive' }, odds_ratio: 1.4 },
          { where: { payer: PAYER.medicaid }, odds_ratio: 1.25 },
        ],
      },
      {
        measure: 'depression_screen',
        base_rate: 0.74,
        effects: [
          { where: { limited_english: 'Yes' }, odds_ratio: 0.6 },
          { where: { sex: SEX.male }, odds_ratio: 0.85 },
        ],
      },
      {
        measure: 'postpartum_visit',
        base_rate: 0.72,
        effects: [
          { where: { payer: PAYER.medicaid }, odds_ratio: 0.7 },
          { where: { race_ethnicity: BLACK }, odds_ratio: 0.7 },
        ],
        trend: { odds_ratio_per_period: 1.03 },
      },
    ],
    payer_mix: { department: 'Surgery', diverted: 0.6 },
  });
}

/** The default population and measures with no planted effect and no trend: every group has the same rate. */
export function nullSpec(): SynthSpec {
  const spec = defaultSpec();
  const { payer_mix: _planted, ...rest } = spec;
  return parseSpec({
    ...rest,
    measures: spec.measures.map((m) => ({ ...m, effects: [], trend: { odds_ratio_per_period: 1 } })),
  });
}
