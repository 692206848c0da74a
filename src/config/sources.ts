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
  })
  .strict();
export type SourceConfig = z.infer<typeof SourceSchema>;
