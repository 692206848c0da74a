import { describe, expect, it } from 'vitest';
import { meanEstimate, meanInterval } from './mean.js';

describe('Student t means', () => {
  it("matches R's t.test on the sleep data (group 1)", () => {
    // R 4.x: t.test(sleep$extra[sleep$group == 1])$conf.int = -0.5297804 2.0297804; mean 0.75.
    const e = meanEstimate([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0], { levels: [0.95] });
    expect(e.value).toBeCloseTo(0.75, 12);
    expect(e.method).toBe('student-t');
    expect(e.ci[0]!.lower).toBeCloseTo(-0.5297804, 6);
    expect(e.ci[0]!.upper).toBeCloseTo(2.0297804, 6);
  });

  it('returns null or a warning when there is too little data', () => {
    expect(meanInterval(1, 1, 1)).toBeNull();
    expect(meanEstimate([]).value).toBeNull();
    const one = meanEstimate([4]);
    expect(one.value).toBe(4);
    expect(one.ci).toEqual([]);
    expect(one.warnings[0]!.code).toBe('single_value');
  });
});
