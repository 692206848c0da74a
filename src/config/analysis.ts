import { z } from 'zod';

/** `analysis:` — how `equilens analyze` stratifies. Owner: analysis engine. */
export const ReferenceRuleSchema = z.union([
  z.enum(['largest', 'best']),
  z.object({ group: z.string() }).strict(),
]);

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
      .describe('per stratifier: a named group, "largest" or "best"; key "default" applies to the rest'),
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
    standardize: z
      .object({ standard: z.string().default('us2000') })
      .strict()
      .optional()
      .describe('age-standardise rates (needs age_band)'),
  })
  .strict();
export type AnalysisConfig = z.infer<typeof AnalysisSchema>;
