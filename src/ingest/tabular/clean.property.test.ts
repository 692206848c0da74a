/**
 * Property: a staged value (stage.ts cleanSql) is the value with surrounding spaces and tabs trimmed, and
 * NULL when that leaves it empty or a configured missing value; a value with nothing to trim is kept as
 * read (the reader already made an exact missing value NULL). Checked in DuckDB against this reference
 * over values built from spaces, tabs, line breaks, control characters, '!' (the byte after a space) and
 * a non-ASCII letter, so a cheaper "may be padded" test cannot skip a value that needs trimming.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteLiteral, type Engine } from '../../engine/dialect.js';
import { openDuckDB } from '../../engine/duckdb/duckdb-driver.js';
import { cleanSql } from './stage.js';

/** The rule, in JS (trims only ' ' and '\t', unlike String.prototype.trim). */
function reference(v: string | null, missing: readonly string[]): string | null {
  if (v === null) return null;
  const t = v.replace(/^[ \t]+|[ \t]+$/g, '');
  if (t === v) return v;
  return t === '' || missing.map((m) => m.trim()).includes(t) ? null : t;
}

const chars = [' ', '\t', '\n', '\r', '\u0001', '\u001f', '!', '"', 'a', 'N', 'A', 'é', '0'];
const value = fc.option(
  fc.array(fc.constantFrom(...chars), { maxLength: 6 }).map((a) => a.join('')),
  {
    nil: null,
  },
);

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDB();
});
afterAll(async () => {
  await engine.close();
});

describe('staged value cleaning (cleanSql)', () => {
  it('equals trim-then-NULL-if-empty-or-missing, for any value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(value, { minLength: 1, maxLength: 40 }),
        fc.constantFrom<string[]>([], ['NA'], [' N A ', '!']),
        async (values, missing) => {
          const rows = values.map((v, i) => `(${i}, ${v === null ? 'NULL' : quoteLiteral(v)})`).join(', ');
          const got = await engine.all<{ i: number; c: string | null }>(
            `SELECT i, ${cleanSql('v', { missing })} AS c FROM (VALUES ${rows}) t(i, v) ORDER BY i`,
          );
          expect(got.map((r) => r.c)).toEqual(values.map((v) => reference(v, missing)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('trims a tab or a space at either end, and keeps inner ones', async () => {
    const got = await engine.all<{ c: string | null }>(
      `SELECT ${cleanSql('v', {})} AS c FROM (VALUES (1, '\tx'), (2, ' x'), (3, 'x\t'), (4, 'x '), (5, ' \t'), (6, 'a b'), (7, '\u0001 ')) t(i, v) ORDER BY i`,
    );
    expect(got.map((r) => r.c)).toEqual(['x', 'x', 'x', 'x', null, 'a b', '\u0001']);
  });
});
