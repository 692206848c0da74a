import { z } from 'zod';

/**
 * `mapping:` — how local columns and local codes become the canonical model. Owner: ingest.
 *
 * Each attribute names a source column and a value map from local codes to canonical codes (CDC race
 * codes such as `2054-5`, or canonical keys such as `female`, `medicare`) or to a status
 * (`declined`, `unknown`, `missing`). A code the map does not know becomes Unknown AND is reported as
 * unmapped, unless `default:` says what the rest means.
 */
export const AttributeMappingSchema = z
  .object({
    column: z.string().describe('source column holding the value'),
    values: z.record(z.string(), z.string()).optional().describe('local code -> canonical code or status'),
    default: z.string().optional().describe('canonical code for any code not listed in values'),
  })
  .strict();
export type AttributeMapping = z.infer<typeof AttributeMappingSchema>;

export const MappingSchema = z
  .object({
    patient_id: z.string().describe('column with the patient identifier'),
    unit_id: z.string().optional().describe('column with the unit (e.g. encounter) identifier'),
    event_date: z.string().optional().describe('column with the date of the unit'),
    period: z.string().optional().describe('column with an explicit period label'),
    facets: z.record(z.string(), z.string()).optional().describe('facet id (department, site, …) -> column'),
    attributes: z
      .record(z.string(), AttributeMappingSchema)
      .default({})
      .describe('canonical attribute (race, ethnicity, sex, age_band, payer, …) -> column and value map'),
    conflict_rule: z
      .enum(['most_frequent', 'last', 'first'])
      .default('most_frequent')
      .describe('how a person-level attribute that differs across a person’s rows is resolved'),
  })
  .strict();
export type MappingConfig = z.infer<typeof MappingSchema>;
