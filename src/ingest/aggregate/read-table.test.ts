import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EquilensError } from '../../errors.js';
import { parseCsv, readTable, requireColumns, requireNumber } from './read-table.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-read-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};
const caught = (fn: () => unknown): EquilensError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof EquilensError) return e;
  }
  throw new Error('expected an EquilensError');
};

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded newlines, CRLF, a BOM and blank lines', () => {
    const recs = parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",2\n', 't.csv');
    expect(recs).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['multi\nline', '2'] },
    ]);
  });

  it('rejects an unclosed quote with its line', () => {
    expect(caught(() => parseCsv('a\n"open\n', 't.csv')).details).toMatchObject({ file: 't.csv', line: 2 });
  });
});

describe('readTable', () => {
  it('reads named columns with 1-based lines, trimming cells', () => {
    const t = readTable(write('ok.csv', 'group, numerator ,denominator\nA, 1 ,2\n\nB,3,4\n'), dir);
    expect(t.columns).toEqual(['group', 'numerator', 'denominator']);
    expect(t.rows).toEqual([
      { line: 2, values: { group: 'A', numerator: '1', denominator: '2' } },
      { line: 4, values: { group: 'B', numerator: '3', denominator: '4' } },
    ]);
  });

  it('names the file, line and column for ragged rows, empty files, missing files, duplicate headers', () => {
    const ragged = caught(() => readTable(write('ragged.csv', 'a,b\n1,2\n3\n'), dir));
    expect(ragged.code).toBe('invalid_input');
    expect(ragged.details).toMatchObject({ file: 'ragged.csv', line: 3 });
    expect(caught(() => readTable(write('empty.csv', ''), dir)).details).toMatchObject({
      file: 'empty.csv',
      line: 1,
    });
    expect(caught(() => readTable('missing.csv', dir)).details).toMatchObject({ file: 'missing.csv' });
    expect(caught(() => readTable(write('dup.csv', 'a,a\n1,2\n'), dir)).details).toMatchObject({ column: 2 });
  });
});

describe('requireColumns / requireNumber', () => {
  const t = readTable(write('n.csv', 'numerator,denominator\n5,x\n-1,\n2.5,10\n'), dir);
  it('reports a missing column', () => {
    expect(caught(() => requireColumns(t, ['numerator', 'population'])).details).toMatchObject({
      column: 'population',
      line: 1,
    });
  });
  it('reports non-numeric, empty, negative and fractional values', () => {
    expect(caught(() => requireNumber(t.rows[0]!, 'denominator', 'n.csv')).message).toMatch(/not a number/);
    expect(caught(() => requireNumber(t.rows[1]!, 'denominator', 'n.csv')).message).toMatch(/empty/);
    expect(caught(() => requireNumber(t.rows[1]!, 'numerator', 'n.csv', { min: 0 })).details).toMatchObject({
      file: 'n.csv',
      line: 3,
      column: 'numerator',
    });
    expect(caught(() => requireNumber(t.rows[2]!, 'numerator', 'n.csv', { integer: true })).message).toMatch(
      /whole/,
    );
    expect(requireNumber(t.rows[2]!, 'denominator', 'n.csv', { min: 0, integer: true })).toBe(10);
  });
});
