import { describe, expect, it } from 'vitest';
import { shownColumns, TABLES } from './equity-tables.js';

describe('shownColumns', () => {
  it("is the table's columns in the table's order, less those omitted", () => {
    // The community page's inclusivity table, as it was written out before it was derived.
    expect(shownColumns('inclusivity', ['facet', 'unit'])).toEqual([
      'attribute',
      'index',
      'lower',
      'upper',
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
