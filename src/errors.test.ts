import { describe, expect, it } from 'vitest';
import { openDuckDB } from './engine/duckdb/duckdb-driver.js';
import { PGlite } from '@electric-sql/pglite';
import { pgliteEngine } from './engine/postgres/pglite.js';
import { EngineError, EquilensError, errorData, fromErrorData, normalizeError } from './errors.js';

describe('errors', () => {
  it('engine errors are recognised by type on both engines, with the engine named', async () => {
    const duck = await openDuckDB(':memory:');
    const db = new PGlite();
    try {
      for (const engine of [duck, pgliteEngine(db)]) {
        const err = await engine.all('SELECT * FROM no_such_table').catch((e: unknown) => e);
        expect(err).toBeInstanceOf(EngineError);
        expect(normalizeError(err).code).toBe('engine_failure');
        expect((err as EngineError).engine).toBe(engine.name);
        expect((err as Error).message).toMatch(/no_such_table/);
      }
      // PostgreSQL's SQLSTATE is kept (42P01: undefined_table).
      const pg = (await pgliteEngine(db)
        .run('SELECT * FROM nope')
        .catch((e: unknown) => e)) as EngineError;
      expect(pg.details.sqlState).toBe('42P01');
    } finally {
      await duck.close();
      await db.close();
    }
  });

  it('a foreign error is internal, whatever its stack mentions', () => {
    const e = new Error('x is undefined');
    e.stack = 'Error: x\n    at duckdb-sql-postgres.js:1:1';
    expect(normalizeError(e).code).toBe('internal');
  });

  it('code, details and stack survive structured cloning (the worker-thread boundary)', () => {
    const e = new EquilensError('invalid_input', 'Line 3 is not JSON.', {
      file: 'Patient.ndjson',
      line: 3,
      fix: 'Fix the line.',
    });
    const back = fromErrorData(structuredClone(errorData(e)));
    expect(back).toBeInstanceOf(EquilensError);
    expect(back).toMatchObject({ code: 'invalid_input', message: e.message, details: e.details });
    expect(back.stack).toBe(e.stack);
    const engine = fromErrorData(structuredClone(errorData(new EngineError('duckdb', new Error('boom')))));
    expect(engine).toBeInstanceOf(EngineError);
    const zlib = Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' });
    expect(fromErrorData(structuredClone(errorData(zlib)))).toMatchObject({ code: 'Z_DATA_ERROR' });
  });
});
