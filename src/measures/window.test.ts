import { describe, expect, it } from 'vitest';
import { addMonths, periodLabel, windowDates } from './window.js';

const Y = { start: '2024-01-01', end: '2024-12-31' };

describe('measure windows', () => {
  it('turns windows into inclusive dates', () => {
    expect(windowDates('period', Y)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(windowDates('before_end', Y)).toEqual({ from: null, to: '2024-12-31' });
    // CMS125: October 1 two years before the period through its end
    expect(windowDates({ monthsBeforeEnd: 27 }, Y)).toEqual({ from: '2022-10-01', to: '2024-12-31' });
    expect(windowDates({ yearsBeforeEnd: 10 }, Y)).toEqual({ from: '2015-01-01', to: '2024-12-31' });
    expect(windowDates({ monthsBeforeEnd: 1 }, { start: '2024-01-01', end: '2024-03-30' })).toEqual({
      from: '2024-03-01',
      to: '2024-03-30',
    });
  });
  it('clamps month arithmetic to the month length', () => {
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });
  it('labels calendar years by the year, other periods as ISO intervals', () => {
    expect(periodLabel(Y)).toBe('2024');
    expect(periodLabel({ start: '2024-07-01', end: '2025-06-30' })).toBe('2024-07-01/2025-06-30');
  });
});
