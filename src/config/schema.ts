import { z } from 'zod';
import { AnalysisSchema } from './analysis.js';
import { MappingSchema } from './mapping.js';
import { MeasureSchema } from './measures.js';
import { SourceSchema } from './sources.js';
import { SuppressionSchema } from './suppression.js';

/** The whole `equilens.yaml`. Each section lives in its own file. */
export const ConfigSchema = z
  .object({
    version: z.literal(1).default(1),
    project: z.object({ name: z.string(), organisation: z.string().optional() }).strict(),
    sources: z.array(SourceSchema).min(1),
    mapping: MappingSchema,
    measures: z.array(MeasureSchema).default([]),
    analysis: AnalysisSchema.default(AnalysisSchema.parse({})),
    suppression: SuppressionSchema.default(SuppressionSchema.parse({})),
  })
  .strict();

export type EquilensConfig = z.infer<typeof ConfigSchema>;
