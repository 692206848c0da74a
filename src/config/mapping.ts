import { z } from 'zod';
import { allowedText, ATTRIBUTES, STATUS_CODES, type AttributeInfo } from './attribute-vocabulary.js';
import { checkAttributes } from './mapping-check.js';

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
    custom: z
      .boolean()
      .optional()
      .describe('an attribute of your own whose name is close to a standard one (else taken for a typo)'),
  })
  .strict();
export type AttributeMapping = z.infer<typeof AttributeMappingSchema>;

/** A canonical code of `a`: any string at parse time (mapping-check.ts checks it), an enum for editors. */
function codeSchema(a: AttributeInfo) {
  const codes = [...a.codes.map((c) => c.code), ...STATUS_CODES.map((c) => c.code)];
  return z
    .union([z.enum(codes as [string, ...string[]]), z.string()])
    .describe(`${a.name}: ${allowedText(a)}`);
}

/** A standard attribute: the same keys, with its canonical codes offered for values and default. */
export const standardAttribute = (a: AttributeInfo) =>
  AttributeMappingSchema.extend({
    values: z.record(z.string(), codeSchema(a)).optional().describe('local code -> canonical code or status'),
    default: codeSchema(a).optional().describe('canonical code for any code not listed in values'),
  })
    .optional()
    .describe(a.title);

/** `mapping.attributes`: the standard attributes by name (docs/mapping.md), plus custom ones. */
export const AttributesSchema = z
  .object(Object.fromEntries(ATTRIBUTES.map((a) => [a.name, standardAttribute(a)])))
  .catchall(AttributeMappingSchema)
  .superRefine((attributes, ctx) => checkAttributes(attributes as Record<string, AttributeMapping>, ctx))
  // Downstream code reads one shape for every attribute, standard or custom.
  .transform((attributes) => attributes as Record<string, AttributeMapping>);

export const MappingSchema = z
  .object({
    patient_id: z.string().describe('column with the patient identifier'),
    unit_id: z.string().optional().describe('column with the unit (e.g. encounter) identifier'),
    event_date: z.string().optional().describe('column with the date of the unit'),
    period: z.string().optional().describe('column with an explicit period label'),
    facets: z.record(z.string(), z.string()).optional().describe('facet id (department, site, …) -> column'),
    attributes: AttributesSchema.default({}).describe(
      'canonical attribute (race, ethnicity, sex, age_band, payer, …) -> column and value map',
    ),
    conflict_rule: z
      .enum(['most_frequent', 'last', 'first'])
      .default('most_frequent')
      .describe('how a person-level attribute that differs across a person’s rows is resolved'),
  })
  .strict();
export type MappingConfig = z.infer<typeof MappingSchema>;
