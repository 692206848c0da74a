/**
 * An over-long expression is an input error with a fix (issue #10 item 10), never a crash: at most
 * MAX_TERMS comparisons and MAX_DEPTH nesting. Up to the limits, the compiled SQL runs in DuckDB (a chain
 * of `or` is one flat SQL list, not nested as deep as it is long).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDB } from '../../engine/duckdb/duckdb-driver.js';
import type { Engine } from '../../engine/dialect.js';
import type { EquilensError } from '../../errors.js';
import { captureIO } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import { CONFIG, project } from '../__fixtures__/project.js';
import { compileChecked, MAX_DEPTH, MAX_TERMS } from './index.js';

const header = ['code'];
const ors = (n: number) => Array.from({ length: n }, (_, i) => `code = 'c${i}'`).join(' or ');
const compile = (text: string) => compileChecked(text, 'measures[0].numerator', header, (c) => `t."${c}"`);
const error = (text: string): EquilensError => {
  try {
    compile(text);
  } catch (e) {
    return e as EquilensError;
  }
  throw new Error('expected an error');
};

describe('expression limits', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openDuckDB();
    await engine.run(`CREATE TABLE t AS SELECT 'c' || i AS code FROM range(${MAX_TERMS + 10}) r(i)`);
  });
  afterAll(() => engine.close());

  it(`runs ${MAX_TERMS} comparisons joined by or, and ${MAX_DEPTH} nested parentheses`, async () => {
    const { sql, params } = compile(ors(MAX_TERMS));
    const [row] = await engine.all<{ n: number }>(`SELECT COUNT(*) AS n FROM t WHERE ${sql}`, params);
    expect(row!.n).toBe(MAX_TERMS); // c0 … c499 of c0 … c509
    const deep = compile(`${'('.repeat(MAX_DEPTH)}code = 'c1'${')'.repeat(MAX_DEPTH)}`);
    const [one] = await engine.all<{ n: number }>(
      `SELECT COUNT(*) AS n FROM t WHERE ${deep.sql}`,
      deep.params,
    );
    expect(one!.n).toBe(1);
  });

  it('refuses one comparison more, and one level deeper, with a fix', () => {
    const e = error(ors(MAX_TERMS + 1));
    expect([e.code, e.message, e.details.path]).toEqual([
      'invalid_config',
      `The expression at measures[0].numerator is too long: it has more than ${MAX_TERMS} comparisons.`,
      'measures[0].numerator',
    ]);
    expect(e.details.fix).toMatch(/column in \('a', 'b', …\)/);
    const d = error(`${'('.repeat(MAX_DEPTH + 1)}code = 'c1'${')'.repeat(MAX_DEPTH + 1)}`);
    expect(d.message).toMatch(/nests parentheses or "not" more than 50 deep/);
    expect(error(`${'not '.repeat(6000)}code = 'c1'`).message).toMatch(/more than 50 deep/);
  });

  it('a 6,000-term expression in a config: exit 1, not a crash', async () => {
    const config = {
      ...CONFIG,
      measures: [{ ...CONFIG.measures[0], numerator: ors(6000).replace(/code/g, 'readmitted') }],
    };
    const p = project({ config });
    const io = captureIO(p.dir);
    const code = await main(
      ['node', 'equilens', 'ingest', '--config', p.config, '--workspace', p.workspace],
      io,
    );
    expect(code).toBe(1);
    expect(io.stderr).toMatch(
      /The expression at measures\[0\]\.numerator is too long: it has more than 500 comparisons/,
    );
    expect(io.stderr).not.toMatch(/bug|call stack/i);
  });
});
