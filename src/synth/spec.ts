/**
 * The synth spec: the shape of the synthetic health system and the disparities planted in it (zod-validated,
 * YAML or JSON). Every planted effect is an odds ratio on the measure's outcome for the patients matching
 * `where`; effects multiply, so overlapping groups (e.g. Black AND Black women on Medicaid) compound.
 * `truth.json` repeats the spec and adds the realised counts, so tests know the ground truth.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { invalidInput, notFound } from '../errors.js';

const LabelOrList = z.union([z.string(), z.array(z.string()).min(1)]);

/** Which patients an effect applies to. Labels are canonical (src/model/categories.ts). */
export const WhereSchema = z
  .object({
    race_ethnicity: LabelOrList.optional(),
    sex: LabelOrList.optional(),
    payer: LabelOrList.optional(),
    language: LabelOrList.optional().describe('BCP-47 code of the preferred language, e.g. "es"'),
    limited_english: LabelOrList.optional().describe('"Yes" or "No"'),
    disability: LabelOrList.optional(),
    gender_identity: LabelOrList.optional(),
    sexual_orientation: LabelOrList.optional(),
    hrsn_food: LabelOrList.optional(),
    hrsn_housing_instability: LabelOrList.optional(),
    hrsn_housing_quality: LabelOrList.optional(),
    hrsn_transportation: LabelOrList.optional(),
    hrsn_utilities: LabelOrList.optional(),
    hrsn_interpersonal_safety: LabelOrList.optional(),
    county: LabelOrList.optional().describe('5-digit county FIPS'),
    site: LabelOrList.optional().describe("the patient's home site"),
    age: z
      .object({ min: z.number().int().min(0).default(0), max: z.number().int().max(120).default(120) })
      .strict()
      .optional()
      .describe('age in whole years at the start of the study window, inclusive'),
  })
  .strict();
export type Where = z.infer<typeof WhereSchema>;

export const EffectSchema = z
  .object({
    where: WhereSchema,
    odds_ratio: z.number().positive(),
    /** A quality-improvement (PDSA) change: from period `start` (1-based) the odds ratio moves log-linearly to `odds_ratio`, reached after `over` periods. */
    change: z
      .object({
        start: z.number().int().min(1),
        odds_ratio: z.number().positive(),
        over: z.number().int().min(1).default(1),
      })
      .strict()
      .optional(),
    /** Free-text name for reports and tests, e.g. "hidden intersectional gap". */
    label: z.string().optional(),
    tags: z.array(z.enum(['headline', 'hidden_intersection', 'narrowing'])).default([]),
  })
  .strict();
export type Effect = z.infer<typeof EffectSchema>;

export const MEASURE_KINDS = [
  'readmit30',
  'ed_revisit7',
  'hba1c_poor',
  'bp_control',
  'crc_screen',
  'depression_screen',
  'postpartum_visit',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MeasureSpecSchema = z
  .object({
    /** Which built-in eligibility rule (denominator) the measure uses. */
    measure: z.enum(MEASURE_KINDS),
    /** Config measure id (defaults to `measure`). */
    id: z
      .string()
      .regex(/^[a-z][a-z0-9_-]*$/)
      .optional(),
    title: z.string().optional(),
    /** Probability of the numerator event for a patient matching no effect, in the first period. */
    base_rate: z.number().gt(0).lt(1),
    effects: z.array(EffectSchema).default([]),
    /** Secular trend for everyone: odds ratio per period (1 = flat). */
    trend: z
      .object({ odds_ratio_per_period: z.number().positive().default(1) })
      .strict()
      .default({ odds_ratio_per_period: 1 }),
  })
  .strict();
export type MeasureSpec = z.infer<typeof MeasureSpecSchema>;

export const SynthSpecSchema = z
  .object({
    name: z.string().default('Lakeshore Health (synthetic)'),
    /** First day of the study window (a quarter start). */
    start: z
      .string()
      .regex(/^\d{4}-(01|04|07|10)-01$/, 'a quarter start such as 2024-01-01')
      .default('2024-01-01'),
    /** Number of quarters. */
    periods: z.number().int().min(1).max(40).default(8),
    /** Mean encounters per patient over the window (when only --patients is given). */
    encounters_per_patient: z.number().positive().max(200).default(5),
    /** Missing/declined/unknown rates and SOGI/HRSN completeness. */
    completeness: z
      .object({
        race_status: z.number().min(0).max(0.5).default(0.05),
        language_status: z.number().min(0).max(0.5).default(0.035),
        sogi_recorded: z.number().min(0).max(1).default(0.35),
        hrsn_screened: z.number().min(0).max(1).default(0.45),
        disability_recorded: z.number().min(0).max(1).default(0.62),
      })
      .strict()
      .default({
        race_status: 0.05,
        language_status: 0.035,
        sogi_recorded: 0.35,
        hrsn_screened: 0.45,
        disability_recorded: 0.62,
      }),
    measures: z.array(MeasureSpecSchema).min(1),
    /**
     * Planted access gap: this share of the department's encounters of Medicaid, dual-eligible and uninsured
     * patients go elsewhere (inpatient to Medicine, outpatient to Behavioral health), so the department sees
     * fewer of them than its peers. Absent: no department differs by design.
     */
    payer_mix: z
      .object({ department: z.literal('Surgery'), diverted: z.number().min(0).max(1) })
      .strict()
      .optional(),
  })
  .strict();
export type SynthSpec = z.infer<typeof SynthSpecSchema>;
export type SynthSpecInput = z.input<typeof SynthSpecSchema>;

/** Validate a spec object (throws EquilensError naming the key path). */
export function parseSpec(input: unknown, file = 'spec'): SynthSpec {
  const result = SynthSpecSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map(String).join('.') || '(top level)';
    throw invalidInput(`The synth spec is not valid: ${issue.message}`, {
      file,
      path,
      fix: 'See src/synth/spec.ts for the spec format, or start from the default spec.',
      next: 'synth_spec',
    });
  }
  const ids = new Set<string>();
  for (const [i, m] of result.data.measures.entries()) {
    const id = m.id ?? m.measure;
    if (ids.has(id)) {
      throw invalidInput(`Measure id "${id}" appears twice in the synth spec.`, {
        file,
        path: `measures.${i}.id`,
        fix: 'Give each measure its own id.',
      });
    }
    ids.add(id);
    if (m.effects.length > 12) {
      throw invalidInput('A synth measure may have at most 12 effects.', {
        file,
        path: `measures.${i}.effects`,
      });
    }
  }
  return result.data;
}

/** Read a spec from a YAML or JSON file. */
export function loadSpec(path: string): SynthSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw notFound(`Synth spec ${path} not found.`, { file: path, fix: 'Check the path of the spec file.' });
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw invalidInput(`The synth spec is not valid YAML/JSON: ${(err as Error).message.split('\n')[0]}`, {
      file: path,
    });
  }
  return parseSpec(data, path);
}
