/** PostgreSQL's SQL spellings (see `Dialect` in ../dialect.ts). */
import { informationSchema, type Dialect } from '../dialect.js';

export const postgresDialect: Dialect = {
  double: 'DOUBLE PRECISION',
  // No TRY_CAST in PostgreSQL: numbers and ISO dates are recognised by pattern first.
  tryCast: (expr, type) => {
    const t = type.toUpperCase();
    if (t === 'DATE')
      return `(CASE WHEN (${expr})::text ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN (${expr})::text::DATE END)`;
    if (/^(DOUBLE|DOUBLE PRECISION|INTEGER|BIGINT)$/.test(t)) {
      const pg = t === 'DOUBLE' ? 'DOUBLE PRECISION' : t;
      const re =
        pg === 'DOUBLE PRECISION'
          ? '^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*$'
          : '^\\s*[-+]?\\d+\\s*$';
      return `(CASE WHEN (${expr})::text ~ '${re}' THEN (${expr})::text::${pg} END)`;
    }
    return `CAST(${expr} AS ${t === 'VARCHAR' ? 'TEXT' : type})`;
  },
  argMax: (value, by) => `(array_agg(${value} ORDER BY ${by} DESC NULLS LAST))[1]`,
  fullMatch: (text, pattern) => `(${text} ~ ('^(?:' || ${pattern} || ')$'))`,
  splitPart: (text, separator, n) => `split_part(${text}, ${separator}, ${n})`,
  ...informationSchema,
};
