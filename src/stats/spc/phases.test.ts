import { describe, expect, it } from 'vitest';
import { baselineLength, splitPhases } from './phases.js';

describe('splitPhases', () => {
  it('starts a phase at every change of label (qicharts2 `part`)', () => {
    expect(splitPhases(['baseline', 'baseline', 'PDSA 1', 'PDSA 2', 'PDSA 2'])).toEqual([
      { label: 'baseline', start: 0, length: 2 },
      { label: 'PDSA 1', start: 2, length: 1 },
      { label: 'PDSA 2', start: 3, length: 2 },
    ]);
  });
  it('treats missing and empty labels as one unnamed phase; a returning label is a new phase', () => {
    expect(splitPhases([undefined, null, ''])).toEqual([{ label: null, start: 0, length: 3 }]);
    expect(splitPhases(['a', 'b', 'a']).map((p) => p.start)).toEqual([0, 1, 2]);
    expect(splitPhases([])).toEqual([]);
  });
  it('baseline length is capped at the phase length', () => {
    const phase = { label: null, start: 0, length: 5 };
    expect(baselineLength(phase)).toBe(5);
    expect(baselineLength(phase, 3)).toBe(3);
    expect(baselineLength(phase, 12)).toBe(5);
  });
});
