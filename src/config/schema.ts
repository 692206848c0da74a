import { z } from 'zod';
import { AnalysisSchema } from './analysis.js';
import { MappingSchema } from './mapping.js';
import { MeasurementPeriodSchema, MeasureSchema } from './measures.js';
import { SourceSchema } from './sources.js';
import { SuppressionSchema } from './suppression.js';
import { WorkforceSchema } from './workforce.js';

/** The whole `equilens.yaml`. Each section lives in its own file. */
export const ConfigSchema = z
  .object({
    version: z.literal(1).default(1),
    project: z
      .object({
        name: z.string(),
        organisation: z.string().optional().describe('the organisation named on every report page'),
        period: MeasurementPeriodSchema.optional().describe(
          'the measurement period the report covers, named on every report page',
        ),
        synthetic: z
          .boolean()
          .optional()
          .describe('the data is generated (a demo): every report carries a "synthetic data" banner'),
      })
      .strict(),
    sources: z.array(SourceSchema).min(1),
    mapping: MappingSchema,
    measures: z.array(MeasureSchema).default([]),
    analysis: AnalysisSchema.default(AnalysisSchema.parse({})),
    suppression: SuppressionSchema.default(SuppressionSchema.parse({})),
    workforce: WorkforceSchema.optional().describe(
      'an HR extract (one row per employee, or per employee and period), loaded into workforce versions of its own',
    ),
  })
  .strict();

export type EquilensConfig = z.infer<typeof ConfigSchema>;
