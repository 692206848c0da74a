import { describe, expect, it } from 'vitest';
import { formatAgeBand, parseAgeBand } from './age-band.js';

describe('parseAgeBand', () => {
  it.each([
    ['0-4', 0, 4],
    ['00-04', 0, 4],
    ['0 - 4 years', 0, 4],
    ['0–4', 0, 4],
    ['5 to 9', 5, 9],
    ['<1', 0, 0],
    ['Under 1', 0, 0],
    ['0', 0, 0],
    ['85+', 85, Infinity],
    ['85 and over', 85, Infinity],
    ['90 plus', 90, Infinity],
  ])('%s', (label, lo, hi) => {
    expect(parseAgeBand(label)).toEqual({ lo, hi });
  });

  it('rejects what is not an age band', () => {
    expect(parseAgeBand('adults')).toBeNull();
    expect(parseAgeBand('9-5')).toBeNull();
    expect(parseAgeBand('')).toBeNull();
  });

  it('formats canonically', () => {
    expect(formatAgeBand({ lo: 85, hi: Infinity })).toBe('85+');
    expect(formatAgeBand({ lo: 0, hi: 0 })).toBe('0');
    expect(formatAgeBand({ lo: 5, hi: 9 })).toBe('5-9');
  });
});
