import { describe, expect, it } from 'vitest';
import { NON_ORDERED_MEASURES, ORDERED_MEASURES } from '../../analysis/summary.js';
import { applicableMeasures, INEQUALITY_MEASURES, inequalityMeasures, MEASURE_DIMENSION } from './index.js';

// Four subgroups with estimates, SEs and populations: every measure can run on one kind of dimension.
const input = (ordered: boolean) => ({
  subgroups: [60, 70, 75, 85].map((estimate, i) => ({
    name: `g${i + 1}`,
    estimate,
    se: 2,
    population: 1000 + 100 * i,
    ...(ordered ? { order: i + 1 } : { reference: i === 3 }),
  })),
  favourable: true,
  ordered,
  scale: 100,
  settingAverage: 72,
  level: 0.95,
});
const STRUCTURAL = ['needs_ordered_dimension', 'needs_non_ordered_dimension'];

describe('the applicability registry', () => {
  for (const ordered of [true, false]) {
    it(`agrees with what each measure does on ${ordered ? 'an ordered' : 'a non-ordered'} dimension`, () => {
      const refused = inequalityMeasures(input(ordered))
        .filter((r) => r.warnings.some((w) => STRUCTURAL.includes(w.code)))
        .map((r) => r.measure);
      const expected = INEQUALITY_MEASURES.filter(
        (m) => !applicableMeasures(ordered, INEQUALITY_MEASURES).includes(m),
      );
      expect(refused).toEqual(expected);
    });
  }

  it('covers all 21 measures, 4 on any dimension, 13 non-ordered, 4 ordered (WHO HEAT 6)', () => {
    const kinds = Object.values(MEASURE_DIMENSION);
    expect(kinds).toHaveLength(21);
    expect(kinds.filter((k) => k === 'any')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'non-ordered')).toHaveLength(13);
  });

  it('gives the analysis the summary measures it always reported, in the same order', () => {
    expect(NON_ORDERED_MEASURES).toEqual(['D', 'R', 'BGV', 'BGSD', 'IDISW', 'MDRW', 'MLD', 'TI']);
    expect(ORDERED_MEASURES).toEqual(['D', 'R', 'SII', 'RII', 'ACI', 'RCI']);
  });
});
