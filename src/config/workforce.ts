import { z } from 'zod';
import { attributeInfo } from './attribute-vocabulary.js';
import { standardAttribute } from './mapping.js';
import { checkAttributes } from './mapping-check.js';
import { SourceSchema } from './sources.js';

/**
 * `workforce:` — the HR extract (one row per employee, or per employee and period): where it is (the same
 * reader options as `sources[]`, CSV/TSV/Parquet) and how its columns become the workforce fields. Race and
 * ethnicity and sex are mapped like patient attributes (`mapping.attributes`, docs/mapping.md): a value map
 * from local codes to canonical codes, the same checks and the same messages. Owner: ingest.
 */

/** The workforce fields a column can be named for, and what each holds (docs and the JSON Schema). */
export const WORKFORCE_FIELDS = {
  employee_id: 'column with the employee identifier (required; it is never printed)',
  period: 'column with the period of an employee-year row (e.g. the year); one row per employee and period',
  job_family: 'column with the job family (pay is adjusted for it)',
  level: 'column with the level or grade (representation is by level; pay is adjusted for it)',
  department: 'column with the department',
  hire_date: 'column with the hire date, YYYY-MM-DD (tenure is computed from it to as_of)',
  as_of: 'column with the date tenure is counted to, YYYY-MM-DD (default: source.as_of)',
  tenure_years: 'column with tenure in years (instead of hire_date)',
  fte: 'column with the full-time equivalent (1 full time, 0.5 half time)',
  pay: 'column with annual pay (a number; $ and , are accepted)',
  hired: 'column with the flag of a hire in the period (1/0, Y/N, true/false)',
  promoted: 'column with the flag of a promotion in the period (1/0, Y/N, true/false)',
  exited: 'column with the flag of an exit in the period (1/0, Y/N, true/false)',
} as const;
export type WorkforceField = keyof typeof WORKFORCE_FIELDS;

/** The attributes an HR extract may carry: race and ethnicity (one column, or race and ethnicity) and sex. */
export const WORKFORCE_ATTRIBUTE_NAMES = ['race_ethnicity', 'race', 'ethnicity', 'sex'] as const;

const column = (field: WorkforceField) => z.string().min(1).describe(WORKFORCE_FIELDS[field]);

const WorkforceAttributesSchema = z
  .object(Object.fromEntries(WORKFORCE_ATTRIBUTE_NAMES.map((n) => [n, standardAttribute(attributeInfo(n)!)])))
  .strict()
  .superRefine((attributes, ctx) =>
    checkAttributes(attributes as Record<string, { values?: Record<string, string>; default?: string }>, ctx),
  )
  .superRefine((attributes, ctx) => {
    if (attributes.race_ethnicity && (attributes.race || attributes.ethnicity))
      ctx.addIssue({
        code: 'custom',
        path: ['race_ethnicity'],
        message: 'Give race_ethnicity (one column) or race and ethnicity (two columns), not both.',
        params: { fix: 'Remove race_ethnicity, or remove race and ethnicity.', at: 'key' },
      });
  });

export const WorkforceMappingSchema = z
  .object({
    employee_id: column('employee_id'),
    ...Object.fromEntries(
      (Object.keys(WORKFORCE_FIELDS) as WorkforceField[])
        .filter((f) => f !== 'employee_id')
        .map((f) => [f, column(f).optional()]),
    ),
    attributes: WorkforceAttributesSchema.default({}).describe(
      'race_ethnicity (or race and ethnicity) and sex -> column and value map, as in mapping.attributes',
    ),
  })
  .strict();

/** The mapping, typed field by field (the schema above builds the optional fields from WORKFORCE_FIELDS). */
export type WorkforceMapping = { employee_id: string } & Partial<
  Record<Exclude<WorkforceField, 'employee_id'>, string>
> & {
    attributes: Partial<
      Record<
        (typeof WORKFORCE_ATTRIBUTE_NAMES)[number],
        { column: string; values?: Record<string, string>; default?: string }
      >
    >;
  };

export const WorkforceSchema = z
  .object({
    source: SourceSchema.extend({
      name: SourceSchema.shape.name.default('workforce'),
      type: z.enum(['csv', 'tsv', 'parquet']),
    }).describe('the HR extract: the same keys as sources[] (CSV, TSV or Parquet)'),
    mapping: WorkforceMappingSchema,
    threshold: z
      .number()
      .int()
      .min(11)
      .optional()
      .describe('public workforce results: the smallest group of employees shown (default 20, at least 11)'),
  })
  .strict();

export type WorkforceConfig = Omit<z.infer<typeof WorkforceSchema>, 'mapping'> & {
  mapping: WorkforceMapping;
};
