import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EquilensError } from '../../errors.js';
import { checkHeader, splitLine } from './header.js';
import { identifyingColumns } from './identifying.js';

/** RFC 4180 quoting of one field (what a spreadsheet writes). */
const quote = (f: string) => (/[",;\t]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);

describe('splitLine', () => {
  it('splits on the delimiter, honours quotes and doubled quotes, trims names', () => {
    expect(splitLine('pid, "enc, x" ,"say ""hi""",', ',')).toEqual(['pid', 'enc, x', 'say "hi"', '']);
    expect(splitLine('a\tb\t"c\td"', '\t')).toEqual(['a', 'b', 'c\td']);
    expect(splitLine('a;b', ',')).toEqual(['a;b']);
  });

  it('round-trips any list of names written with RFC 4180 quoting', () => {
    const name = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((s) => s === s.trim() && !/[\r\n]/.test(s));
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', ';', '\t'),
        (names, d) => {
          expect(splitLine(names.map(quote).join(d), d)).toEqual(names);
        },
      ),
    );
  });
});

describe('checkHeader', () => {
  const err = (h: string[], d = ',') => {
    try {
      checkHeader(h, '/x/extract.csv', d);
    } catch (e) {
      return e as EquilensError;
    }
    return null;
  };
  it('accepts distinct names; refuses duplicates (any case), blanks, and a one-column header holding another delimiter', () => {
    expect(err(['pid', 'enc'])).toBeNull();
    expect(err(['pid', 'PID'])?.message).toContain('two columns named "PID" (columns 1 and 2');
    expect(err(['pid', ''])?.message).toContain('column without a name (column 2');
    expect(err(['pid\tenc'])?.message).toContain('looks tab-separated');
    expect(err(['pid;enc'])?.details.fix).toBe('Set sources[].delimiter: ";".');
    expect(err(['pid,enc'], '\t')?.message).toContain('looks comma-separated');
    expect(err(['pid'])).toBeNull(); // one column, no other delimiter in it
  });
});

describe('identifyingColumns', () => {
  it('withholds ids, birth date, address parts and name-like columns; keeps codes, outcomes and event dates', () => {
    const header = [
      'PID',
      'enc',
      'visit_date',
      'dob_text',
      'Zip5',
      'race',
      'readmitted',
      'FirstName',
      'home_address',
      'clinical_notes',
      'los',
      'discharge_disposition_id',
    ];
    const mapping = {
      patient_id: 'pid',
      unit_id: 'enc',
      event_date: 'visit_date',
      attributes: { zip: { column: 'Zip5' }, race: { column: 'race' } },
      conflict_rule: 'most_frequent' as const,
    };
    expect([...identifyingColumns(mapping, header)].sort()).toEqual(
      [
        'PID',
        'enc',
        'Zip5',
        'dob_text',
        'FirstName',
        'home_address',
        'clinical_notes',
        'discharge_disposition_id',
      ].sort(),
    );
  });
});
