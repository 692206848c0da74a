import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutraliseFormula } from './csv.js';

describe('csvCell (OWASP CSV injection rule)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+1', "'+1+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
  ])('neutralises %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
  it('leaves numbers, plain numeric text, ordinary labels and nulls alone', () => {
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell('-0.25')).toBe('-0.25');
    expect(csvCell('Black or African American')).toBe('Black or African American');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(neutraliseFormula('2024Q1')).toBe('2024Q1');
  });
  it('joins a line', () => {
    expect(csvLine(['=1', 2, null])).toBe("'=1,2,");
  });
});
