/** DuckDB's SQL spellings (see `Dialect` in ../dialect.ts). */
import { EquilensError } from '../../errors.js';
import { informationSchema, quoteLiteral, type Dialect, type Engine } from '../dialect.js';

export const duckdbDialect: Dialect = {
  double: 'DOUBLE',
  tryCast: (expr, type) => `TRY_CAST(${expr} AS ${type})`,
  argMax: (value, by) => `arg_max(${value}, ${by})`,
  fullMatch: (text, pattern) => `regexp_full_match(${text}, ${pattern})`,
  splitPart: (text, separator, n) => `split_part(${text}, ${separator}, ${n})`,
  ...informationSchema,
  settings: {
    async read(engine: Engine, names: readonly string[]): Promise<Map<string, number>> {
      const rows = await engine.all<{ name: string; value: string }>(
        `SELECT name, value FROM duckdb_settings() WHERE name IN (${names.map(quoteLiteral).join(', ')})`,
      );
      return new Map(rows.map((r) => [r.name, Number(r.value)]));
    },
    async set(engine: Engine, name: string, value: number): Promise<void> {
      if (!/^[a-z_]+$/.test(name) || !Number.isInteger(value))
        throw new EquilensError(
          'internal',
          `DuckDB setting ${name} = ${value} is not a named integer setting.`,
        );
      await engine.run(`SET ${name} = ${value}`);
    },
  },
};
