import { z } from 'zod';

/**
 * `measures:` — what is measured. For tabular sources the numerator, denominator and exclusions are
 * expressions over source columns (parsed and checked, never pasted into SQL). Owner: ingest (derivation)
 * and analysis (title, direction).
 */
export const MeasureSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, - and _'),
    title: z.string(),
    description: z.string().optional(),
    direction: z
      .enum(['lower_is_better', 'higher_is_better'])
      .describe('whether a lower or a higher rate is the good outcome'),
    unit: z.string().default('encounter').describe('what one measure row is: encounter, patient, …'),
    denominator: z.string().default('true').describe('expression: row is in the denominator'),
    numerator: z.string().describe('expression: row is in the numerator'),
    exclusions: z.string().optional().describe('expression: row is excluded from the denominator'),
    value: z.string().optional().describe('expression: a continuous value'),
    source: z.string().optional().describe('name of the source it is derived from (default: the first)'),
  })
  .strict();
export type MeasureConfig = z.infer<typeof MeasureSchema>;
