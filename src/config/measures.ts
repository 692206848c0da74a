import { z } from 'zod';
import { libraryIds, libraryMeasure } from '../measures/library/index.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'a real calendar date');

/** A measurement period (both ends inclusive). */
export const MeasurementPeriodSchema = z
  .object({ start: isoDate, end: isoDate })
  .strict()
  .refine((p) => p.start <= p.end, { message: 'period.start must not be after period.end', path: ['end'] })
  .describe('measurement period, both dates inclusive (YAML anchors let several measures share one)');

/** Text for the report, in one language (a string) or several (`{en: …, es: …}`; `en` is required). */
const Translatable = z.union([
  z.string(),
  z.object({ en: z.string() }).catchall(z.string()).describe('the text per language code'),
]);
const english = (v: string | { en: string } | undefined): string | undefined =>
  v === undefined || typeof v === 'string' ? v : v.en;
const perLanguage = (v: string | Record<string, string> | undefined): Record<string, string> | undefined =>
  v === undefined || typeof v === 'string' ? undefined : v;

/**
 * `measures:` — what is measured. For tabular sources the numerator, denominator and exclusions are
 * expressions over source columns (parsed and checked, never pasted into SQL). Owner: ingest (derivation)
 * and analysis (title, direction). A measure with `library:` is computed from the clinical event tables
 * (FHIR/OMOP sources) by the library definition of that id (src/measures/library) over `period`, and
 * needs no expressions.
 */
export const MeasureSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, - and _'),
    title: Translatable.optional().describe(
      'required unless `library` is set (default: the library title); a string, or one per language: {en: …, es: …}',
    ),
    description: Translatable.optional().describe('plain-words description; a string or {en: …, es: …}'),
    direction: z
      .enum(['lower_is_better', 'higher_is_better'])
      .optional()
      .describe(
        'whether a lower or a higher rate is the good outcome (required unless `library` is set: default the library direction)',
      ),
    type: z
      .enum(['outcome', 'process'])
      .optional()
      .describe(
        'outcome (readmission, control) or process (screening, testing): outcome gaps rank first (default: the library type, else outcome)',
      ),
    unit: z.string().default('encounter').describe('what one measure row is: encounter, patient, …'),
    denominator: z.string().default('true').describe('expression: row is in the denominator'),
    numerator: z
      .string()
      .optional()
      .describe('expression: row is in the numerator (required unless `library` is set)'),
    exclusions: z.string().optional().describe('expression: row is excluded from the denominator'),
    value: z.string().optional().describe('expression: a continuous value'),
    source: z.string().optional().describe('name of the source it is derived from (default: the first)'),
    library: z
      .string()
      .optional()
      .describe(
        'id of a library measure (cbp, hba1c-poor-control, sdoh-screening, …) computed from clinical events',
      ),
    period: MeasurementPeriodSchema.optional().describe('measurement period of a library measure'),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.library === undefined && m.numerator === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['numerator'],
        message: 'numerator is required: give an expression, or set `library:` to a library measure id',
      });
    }
    if (m.library === undefined && m.title === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['title'],
        message: 'title is required: give a title, or set `library:` to a library measure id',
      });
    if (m.library === undefined && m.direction === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['direction'],
        message:
          'direction is required (lower_is_better or higher_is_better), or set `library:` to a library measure id',
      });
    if (m.library !== undefined && !libraryMeasure(m.library))
      ctx.addIssue({
        code: 'custom',
        path: ['library'],
        message: `Unknown library measure "${m.library}". Library measures: ${libraryIds().join(', ')}.`,
      });
    if (m.library !== undefined && m.period === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['period'],
        message: 'a library measure needs `period: {start: YYYY-MM-DD, end: YYYY-MM-DD}`',
      });
    }
  })
  // A library measure's title and direction default to the library definition's; the config's win.
  .transform((m) => {
    const def = m.library === undefined ? undefined : libraryMeasure(m.library);
    // `title`/`description` stay strings (English); the other languages travel in `titles`/`descriptions`.
    const titles = perLanguage(m.title as Record<string, string> | string | undefined);
    const descriptions = perLanguage(m.description as Record<string, string> | string | undefined);
    const description = english(m.description);
    return {
      ...m,
      title: english(m.title) ?? def?.title ?? m.id,
      description,
      ...(titles ? { titles } : {}),
      ...(descriptions ? { descriptions } : {}),
      direction: m.direction ?? def?.direction ?? 'lower_is_better',
    };
  });
export type MeasureConfig = z.infer<typeof MeasureSchema>;
export type MeasurementPeriod = z.infer<typeof MeasurementPeriodSchema>;
