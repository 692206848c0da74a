import { z } from 'zod';

/** `analysis:` — how `equilens analyze` stratifies. Owner: analysis engine. */
export const ReferenceRuleSchema = z.union([
  z.enum(['largest', 'best', 'everyone_else']),
  z.object({ group: z.string() }).strict(),
]);

/** The REAL fields (race, ethnicity, language): priority stratifiers unless `analysis.ranking` says otherwise. */
export const DEFAULT_PRIORITIES = ['race_ethnicity', 'race', 'ethnicity', 'language', 'limited_english'];

/** A finding the council asked to keep at the top: a measure and the group's attribute values. */
export const PinSchema = z
  .object({
    measure: z.string(),
    values: z.record(z.string(), z.string()).describe('e.g. {race_ethnicity: Black or African American}'),
  })
  .strict();

/** `analysis.ranking`: the order of the key findings (src/analysis/rank.ts). */
export const RankingSchema = z
  .object({
    priorities: z
      .array(z.string())
      .default(DEFAULT_PRIORITIES)
      .describe('stratifiers whose gaps come first (default: race and ethnicity, language — REAL)'),
    priority_weight: z
      .number()
      .min(1)
      .default(2)
      .describe('a gap by a priority stratifier ranks as if this many times stronger'),
    process_weight: z
      .number()
      .gt(0)
      .max(1)
      .default(0.5)
      .describe('a gap on a process measure (type: process) ranks as if this fraction as strong'),
    pin: z.array(PinSchema).default([]).describe('findings the council keeps at the top, in this order'),
  })
  .strict();
export type RankingConfig = z.infer<typeof RankingSchema>;

export const AnalysisSchema = z
  .object({
    period: z.enum(['month', 'quarter', 'year', 'none']).default('quarter'),
    stratifiers: z
      .array(z.string())
      .optional()
      .describe('stratifier ids to analyse (default: every standard stratifier that has known values)'),
    reference: z
      .record(z.string(), ReferenceRuleSchema)
      .default({})
      .describe(
        'per stratifier: a named group, "largest", "best" (Healthy People 2030) or "everyone_else"; key "default" applies to the rest',
      ),
    intersections: z.array(z.array(z.string()).min(2).max(3)).default([]),
    facets: z.array(z.string()).default([]).describe('facet columns: department, site, clinician_group'),
    confidence: z.number().min(0.5).max(0.9999).default(0.95),
    fdr: z.number().min(0).max(0.5).default(0.05).describe('false-discovery rate for q-values'),
    discovery: z
      .object({
        enabled: z.boolean().default(true),
        stratifiers: z.array(z.string()).optional(),
        depth: z.number().int().min(2).max(3).default(2),
        min_size: z.number().int().min(1).default(50),
        fdr: z.number().min(0).max(0.5).default(0.05),
      })
      .strict()
      .default({ enabled: true, depth: 2, min_size: 50, fdr: 0.05 }),
    ranking: RankingSchema.default({
      priorities: DEFAULT_PRIORITIES,
      priority_weight: 2,
      process_weight: 0.5,
      pin: [],
    }),
    standardize: z
      .object({ standard: z.string().default('us2000') })
      .strict()
      .optional()
      .describe('age-standardise rates (needs age_band)'),
  })
  .strict();
export type AnalysisConfig = z.infer<typeof AnalysisSchema>;
