import { z } from 'zod';

/**
 * `sources:` — where the data comes from. The CLI's `--data PATH` overrides the path of the first
 * (or the only) source. Owner: ingest.
 */
export const SourceSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, - and _'),
    type: z.enum(['csv', 'tsv', 'parquet', 'fhir', 'omop']),
    path: z.string().optional().describe('file or folder; relative paths resolve against the config file'),
    delimiter: z.string().length(1).optional(),
    encoding: z.enum(['utf-8', 'latin-1', 'utf-16']).optional(),
    /** Values that mean "no value" in this source (e.g. "?", "NULL"). */
    missing: z.array(z.string()).optional(),
    max_line_size: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'type csv/tsv: longest line the reader accepts, in bytes (default 2097152); longer lines are rejected',
      ),
    /** OMOP in PostgreSQL: the schema holding the CDM tables (also `path: postgres://…#schema`). */
    schema: z
      .string()
      .optional()
      .describe('type omop: PostgreSQL schema of the CDM tables (path is then a postgres:// URL)'),
    /** FHIR/OMOP: the date ages (age_band) are computed at. */
    as_of: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
      .optional()
      .describe(
        'type fhir/omop: date the age band is computed at (default: the latest event date in the source)',
      ),
  })
  .strict();
export type SourceConfig = z.infer<typeof SourceSchema>;
