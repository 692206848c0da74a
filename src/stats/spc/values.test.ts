import { describe, expect, it } from 'vitest';
import { EquilensError } from '../../errors.js';
import { plottedValues } from './values.js';

describe('plottedValues', () => {
  it('uses numerator/denominator for count data and value otherwise', () => {
    expect(plottedValues([{ period: 'a', numerator: 1, denominator: 4 }], 'auto').values).toEqual([0.25]);
    expect(plottedValues([{ period: 'a', value: 7 }], 'auto').values).toEqual([7]);
    // with both, auto prefers values; p/pprime always use counts
    const both = [{ period: 'a', numerator: 1, denominator: 4, value: 9 }];
    expect(plottedValues(both, 'auto').values).toEqual([9]);
    expect(plottedValues(both, 'p').values).toEqual([0.25]);
  });
  it('null + warning for zero denominators and missing values, never NaN', () => {
    const r = plottedValues(
      [
        { period: 'a', numerator: 0, denominator: 0 },
        { period: 'b', numerator: null, denominator: 5 },
      ],
      'p',
    );
    expect(r.values).toEqual([null, null]);
    expect(r.warnings.map((w) => [w.code, w['period']])).toEqual([
      ['zero_denominator', 'a'],
      ['missing_value', 'b'],
    ]);
    expect(plottedValues([{ period: 'c', value: null }], 'xmr').warnings[0]!.code).toBe('missing_value');
  });
  it('rejects impossible input', () => {
    expect(() => plottedValues([{ period: 'a', value: 1 }], 'pprime')).toThrow(EquilensError);
    expect(() => plottedValues([{ period: 'a', numerator: 3, denominator: 2 }], 'p')).toThrow(/larger/);
    expect(() => plottedValues([{ period: 'a', numerator: 1, denominator: -2 }], 'p')).toThrow(/negative/);
    expect(() => plottedValues([{ period: 'a', value: Infinity }], 'xmr')).toThrow(/finite/);
  });
});
