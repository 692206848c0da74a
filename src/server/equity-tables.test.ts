import { describe, expect, it } from 'vitest';
import { shownColumns, TABLES } from './equity-tables.js';

describe('shownColumns', () => {
  it("is the table's columns in the table's order, less those omitted", () => {
    // The payer-mix page's table, as it was written out before it was derived (facet chosen, count in the CSV).
    expect(shownColumns('units', ['facet', 'count'])).toEqual([
      'unit',
      'patients',
      'share',
      'expected',
      'lower_limit',
      'upper_limit',
      'q_value',
      'flag',
      'suppressed',
    ]);
    expect(shownColumns('inclusivity', [])).toEqual([...TABLES.inclusivity]);
  });

  it('follows a column added to the table', () => {
    const units = TABLES.units as unknown as string[];
    units.splice(2, 0, 'new_column');
    try {
      expect(shownColumns('units', ['facet', 'count']).slice(0, 3)).toEqual([
        'unit',
        'new_column',
        'patients',
      ]);
    } finally {
      units.splice(2, 1);
    }
  });
});
