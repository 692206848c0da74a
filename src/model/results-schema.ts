/**
 * A zod schema of `results.json` (src/model/results.ts), the source of the published JSON Schema in
 * schemas/results.schema.json (`writeResultsJsonSchema`, and a test checks the two agree). Objects are not
 * strict: readers must ignore fields they do not know (fields are only ever added).
 */
import { z } from 'zod';
import { WARNING_CODE_LIST } from '../warnings.js';
import type { ResultsFile } from './results.js';

const num = z.number().nullable();
const warning = z
  .object({
    code: z.enum(WARNING_CODE_LIST).describe('a code of the warning catalogue (src/warnings.ts)'),
    message: z.string(),
  })
  .passthrough();
const dataset = z.object({ version: z.number().int(), id: z.string(), rows: z.number().int() });
const label = z.enum(['worse', 'better', 'no_detectable_difference', 'reference', 'not_assessed']);
// 'suppressed': the only reason a public edition prints (it says nothing about the hidden counts).
const reason = z.enum(['small_numerator', 'small_denominator', 'complementary', 'suppressed', 'no_data']);
const gapDirection = z.enum(['narrowing', 'widening', 'no_clear_change', 'not_assessed']);
const parent = z.object({ stratifier: z.string(), group: z.string(), rate: num });
const facet = z.object({ name: z.string(), value: z.string() });

const group = z.object({
  group: z.string(),
  numerator: num,
  denominator: num,
  rate: num.describe('proportion 0–1; for a measure of kind rate, events per `multiplier` units'),
  lower: num,
  upper: num,
  difference: num.describe('group rate − reference rate (Newcombe CI)'),
  differenceLower: num,
  differenceUpper: num,
  ratio: num.describe('group rate / reference rate (log-scale CI)'),
  ratioLower: num,
  ratioUpper: num,
  pValue: num,
  qValue: num.describe('Benjamini–Hochberg across the whole run'),
  label,
  excessEvents: num.describe('events to close the gap; positive = worse'),
  suppressed: z.boolean(),
  suppressionReason: reason.optional(),
  unstable: z.boolean().optional(),
  roundedTo: z
    .number()
    .optional()
    .describe(
      'public edition: counts and interval withheld, rate rounded to this step, to protect a small cell',
    ),
  ageStandardised: z.object({ rate: num, lower: num, upper: num }).optional(),
});

const trendPoint = z.object({
  period: z.string(),
  numerator: num,
  denominator: num,
  rate: num,
  centre: num.optional(),
  lower: num.optional(),
  upper: num.optional(),
  signals: z.array(z.string()).optional(),
  suppressed: z.boolean().optional(),
});

const summary = z.object({
  measure: z.string(),
  estimate: num,
  se: num,
  lower: num,
  upper: num,
  warnings: z.array(warning),
});

const stratum = z.object({
  stratifier: z.string(),
  reference: z.string().nullable(),
  referenceRule: z.enum(['named', 'largest', 'best', 'everyone_else']),
  facet: facet.optional(),
  groups: z.array(group),
  summary: z.array(summary),
  trend: z
    .object({
      groups: z.array(z.object({ group: z.string(), points: z.array(trendPoint) })),
      gap: z
        .object({
          group: z.string(),
          points: z.array(
            z.object({ period: z.string(), difference: num, signals: z.array(z.string()).optional() }),
          ),
        })
        .nullable(),
      gapDirection,
    })
    .optional(),
  warnings: z.array(warning),
});

const measure = z.object({
  id: z.string(),
  title: z.string(),
  direction: z.enum(['lower_is_better', 'higher_is_better']),
  kind: z
    .enum(['proportion', 'rate'])
    .optional()
    .describe(
      'absent or proportion: rates are 0–1; rate: numerator = events (sum of value), rates, intervals and differences per `multiplier` units',
    ),
  multiplier: z.number().optional().describe('rates of a kind-rate measure are per this many units'),
  type: z.enum(['outcome', 'process']).optional().describe('absent = outcome'),
  unit: z.string().optional().describe('what one denominator unit is, singular: person, encounter, …'),
  description: z.string().optional(),
  definition: z
    .object({ denominator: z.string(), numerator: z.string(), exclusions: z.string().optional() })
    .optional()
    .describe('plain-language definition (library measures)'),
  overall: z.object({ numerator: num, denominator: num, rate: num, lower: num, upper: num }),
  strata: z.array(stratum),
  trend: z.array(trendPoint).optional(),
  warnings: z.array(warning),
});

const finding = z.object({
  measure: z.string(),
  values: z.record(z.string(), z.string()),
  kind: z.enum(['stratum', 'intersection', 'discovered']),
  rate: num,
  comparisonRate: num,
  comparison: z.string(),
  difference: num,
  ratio: num,
  excessEvents: num,
  qValue: num,
  gapDirection: gapDirection.optional(),
  periods: z.number().int().optional(),
  denominator: num.optional(),
  parents: z.array(parent).optional(),
  facet: facet.optional(),
  referenceRule: z
    .enum(['named', 'largest', 'best', 'everyone_else', 'combination'])
    .optional()
    .describe('how the comparison group was chosen'),
  referenceWorse: z
    .boolean()
    .optional()
    .describe('the reference group is the worse-off one; `values` is a group doing better'),
  pinned: z.boolean().optional(),
  strength: num.optional().describe('gap relative to its measure at its conservative bound'),
  score: num.optional().describe('strength × priority and measure-type weights'),
  unstable: z.boolean().optional().describe('a rate it compares has a relative standard error > 30%'),
});

export const ResultsSchema = z.object({
  schemaVersion: z.literal(1),
  stamp: z.object({
    dataset,
    configHash: z.string(),
    softwareVersion: z.string(),
    generatedAt: z.string(),
    audience: z.enum(['internal', 'public', 'restricted']),
  }),
  dataset: dataset.extend({
    people: z.number().int().optional().describe('distinct people in the dataset version'),
    measureRows: z.number().int().optional().describe('measure rows (units of every measure)'),
  }),
  settings: z.object({
    confidence: z.number(),
    fdr: z.number(),
    period: z.string(),
    suppressionThreshold: z.number(),
  }),
  measures: z.array(measure),
  intersections: z.array(
    z.object({
      measure: z.string(),
      stratifiers: z.array(z.string()),
      groups: z.array(group.extend({ values: z.record(z.string(), z.string()), parents: z.array(parent) })),
    }),
  ),
  findings: z.array(finding).describe('pinned first, then by ranking score (see ranking)'),
  ranking: z
    .object({
      method: z.literal('weighted_strength'),
      priorities: z.array(z.string()),
      priorityWeight: z.number(),
      processWeight: z.number(),
      pins: z.number().int(),
    })
    .optional(),
  plan: z
    .object({
      engine: z.string(),
      groupingSets: z.number().int(),
      stratifiers: z.array(z.string()),
      facets: z.array(z.string()),
      discovery: z.object({
        stratifiers: z.array(z.string()),
        combinations: z.number().int(),
        tested: z.number().int(),
        found: z.number().int(),
      }),
    })
    .optional(),
  quality: z
    .array(
      z.object({
        field: z.string(),
        known: z.number(),
        unknown: z.number(),
        declined: z.number(),
        missing: z.number(),
        total: z.number(),
      }),
    )
    .optional(),
  warnings: z.array(warning),
});

/**
 * Compile-time checks, both ways, so the TS types (results.ts) and this schema cannot drift: every
 * ResultsFile satisfies the schema, and everything the schema accepts is a ResultsFile. A field added to
 * one and not the other fails `tsc` here.
 */
export const asSchemaInput = (r: ResultsFile): z.input<typeof ResultsSchema> => r;
export const fromSchemaOutput = (r: z.output<typeof ResultsSchema>): ResultsFile => r;

/** The published JSON Schema (draft-07, so every common validator reads it). */
export function resultsJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://equilens.org/schemas/results.schema.json',
    title: 'Equilens analysis results (results.json)',
    ...(z.toJSONSchema(ResultsSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>),
  };
}
