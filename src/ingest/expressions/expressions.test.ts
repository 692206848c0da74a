import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDB } from '../../engine/duckdb/duckdb-driver.js';
import type { Engine } from '../../engine/dialect.js';
import type { EquilensError } from '../../errors.js';
import { columnsOf } from './ast.js';
import { compileChecked, parseExpression } from './index.js';

const header = ['readmitted', 'discharge_disposition_id', 'age', 'weird col'];

describe('expression parser', () => {
  it('parses comparisons, in, is null, and/or/not with precedence', () => {
    const e = parseExpression(
      "readmitted = '<30' or not age is null and discharge_disposition_id in (11, 13)",
    );
    expect(e.kind).toBe('or');
    expect(columnsOf(e)).toEqual(['readmitted', 'age', 'discharge_disposition_id']);
  });
  it('reads quoted column names and doubled quotes in strings', () => {
    const e = parseExpression(`"weird col" = 'it''s'`);
    expect(e).toEqual({
      kind: 'compare',
      op: '=',
      left: { kind: 'column', name: 'weird col' },
      right: { kind: 'string', value: "it's" },
    });
  });
  it.each([
    'readmitted = ',
    "readmitted '<30'",
    'x in 1',
    "(a = 'b'",
    "a = 'b' c",
    'a ; drop table x',
    'readmitted',
  ])('rejects %s with a position', (text) => {
    expect(() => parseExpression(text)).toThrow(/at character \d+/);
  });
});

describe('compileChecked', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openDuckDB();
    await engine.run(`CREATE TABLE s AS SELECT * FROM (VALUES
      ('<30', '11', '70'), ('>30', '1', NULL), ('NO', '13', '5'), ('<30', '1', '80'), (NULL, 'x', '50')
    ) t(readmitted, discharge_disposition_id, age)`);
  });
  afterAll(() => engine.close());

  const count = async (text: string): Promise<number> => {
    const c = compileChecked(
      text,
      'measures[0].numerator',
      ['readmitted', 'discharge_disposition_id', 'age'],
      (n) => `"${n}"`,
    );
    const rows = await engine.all<{ n: number }>(
      `SELECT COUNT(*) FILTER (WHERE ${c.sql}) AS n FROM s`,
      c.params,
    );
    return rows[0]!.n;
  };

  it('evaluates in DuckDB with bound parameters (expected counts worked by hand from the 5 rows)', async () => {
    expect(await count("readmitted = '<30'")).toBe(2);
    expect(await count("readmitted != '<30'")).toBe(2); // the empty cell compares false
    expect(await count('not discharge_disposition_id in (11, 13)')).toBe(3); // 'x' is not a number
    expect(await count("discharge_disposition_id not in ('11', '13')")).toBe(3);
    expect(await count('age >= 70 and readmitted is not null')).toBe(2);
    expect(await count('age is null or age < 10')).toBe(2);
    expect(await count('true')).toBe(5);
  });

  it('never pastes literals into SQL', () => {
    const c = compileChecked("readmitted = 'x''; DROP TABLE s; --'", 'k', header, (n) => `"${n}"`);
    expect(c.sql).not.toContain('DROP');
    expect(c.params).toEqual(["x'; DROP TABLE s; --"]);
  });

  it('names the key path and the known columns for an unknown column', () => {
    try {
      compileChecked("readmited = '<30'", 'measures[0].numerator', header, (n) => n);
      expect.unreachable();
    } catch (e) {
      const err = e as EquilensError;
      expect(err.code).toBe('invalid_config');
      expect(err.details.path).toBe('measures[0].numerator');
      expect(err.message).toContain('"readmited"');
      expect(err.message).toContain('readmitted, discharge_disposition_id');
    }
  });
});
