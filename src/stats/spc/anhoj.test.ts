import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anhoj, anhojSignals, crossingsLimit, longestRunLimit, runsOf } from './anhoj.js';

describe('Anhøj limits', () => {
  // qicharts2 vignette "Quality Improvement Charts", Appendix 2 (critical values for longest run and number
  // of crossings, n = 10–100; anhoej/qicharts2, vignettes/qicharts2.Rmd, qicharts2 0.7–0.8), which tabulates
  // round(log2(n) + 3) and qbinom(0.05, n − 1, 0.5) — the limits of Anhøj & Olesen (2014) PLoS ONE 9:e113825.
  const table: [n: number, longest: number, crossings: number][] = [
    [10, 6, 2],
    [11, 6, 2],
    [12, 7, 3],
    [13, 7, 3],
    [14, 7, 4],
    [17, 7, 5],
    [19, 7, 6],
    [20, 7, 6],
    [22, 7, 7],
    [23, 8, 7],
    [24, 8, 8],
    [27, 8, 9],
    [30, 8, 10],
    [36, 8, 13],
    [45, 8, 17],
    [46, 9, 17],
    [50, 9, 19],
    [60, 9, 23],
    [75, 9, 30],
    [90, 9, 37],
    [91, 10, 37],
    [100, 10, 41],
  ];
  it.each(table)('n = %i: longest run ≤ %i, crossings ≥ %i', (n, longest, crossings) => {
    expect(longestRunLimit(n)).toBe(longest);
    expect(crossingsLimit(n)).toBe(crossings);
  });

  it('has no NaN for n = 0 or 1', () => {
    expect(longestRunLimit(0)).toBe(3);
    expect(crossingsLimit(0)).toBe(0);
    expect(crossingsLimit(1)).toBe(0);
  });
});

describe('anhoj()', () => {
  it('counts runs and crossings around the median', () => {
    // 1..10: median 5.5; 5 below then 5 above: one crossing (fewer than 2) → signal.
    expect(anhoj([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({
      longestRun: 5,
      longestRunMax: 6,
      crossings: 1,
      crossingsMin: 2,
      signal: true,
    });
  });

  it('reproduces the qicharts2 vignette summary (24 points, a 2-SD shift at 13)', () => {
    // qicharts2 vignette, "The Anhøj rules": summary(o) gives n.useful 24, longest.run 13,
    // longest.run.max 8, n.crossings 4, n.crossings.min 8, runs.signal 1. A series with the same runs:
    const signs = [1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1, ...Array<number>(13).fill(1)];
    expect(anhoj(signs, 0)).toEqual({
      longestRun: 13,
      longestRunMax: 8,
      crossings: 4,
      crossingsMin: 8,
      signal: true,
    });
  });

  it('drops points on the centre line: they neither break nor extend a run', () => {
    const withCentre = anhoj([1, 1, 0, 1, 1, -1, 0, -1], 0);
    const without = anhoj([1, 1, 1, 1, -1, -1], 0);
    expect(withCentre).toEqual(without);
    expect(withCentre.longestRun).toBe(4);
    expect(withCentre.crossings).toBe(1);
  });

  it('skips missing values', () => {
    expect(anhoj([1, null, -1, null, 1], 0)).toMatchObject({ longestRun: 1, crossings: 2 });
  });

  it('gives no signal and no NaN for empty, single and all-on-centre series', () => {
    for (const values of [[], [3], [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]]) {
      const r = anhoj(values);
      expect(r.signal).toBe(false);
      for (const v of Object.values(r)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('flags the points of an unusually long run and every useful point for too few crossings', () => {
    const values = [-1, 1, -1, 1, -1, 1, 1, 1, 1, 1, 1, 1, -1, 1]; // n = 14: run 7 ≤ 7, crossings 7 ≥ 4
    expect(anhojSignals(values, 0).signals.every((s) => s.size === 0)).toBe(true);
    const long = [-1, 1, -1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1, -1]; // run of 8 > 7
    const { signals } = anhojSignals(long, 0);
    expect(signals.map((s) => s.has('long_run'))).toEqual([
      ...Array(5).fill(false),
      ...Array(8).fill(true),
      false,
    ]);
    const few = anhojSignals([1, 1, 1, 1, 1, -1, -1, -1, -1, -1, 0], 0);
    expect(few.result.crossings).toBe(1);
    expect(few.signals.map((s) => s.has('few_crossings'))).toEqual([...Array(10).fill(true), false]);
  });
});

describe('anhoj() properties', () => {
  const series = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(null)), { maxLength: 60 });
  it('crossings = runs − 1 and the longest run is at most the useful points', () => {
    fc.assert(
      fc.property(series, (values) => {
        const r = anhoj(values, 0);
        const runs = runsOf(values, 0);
        const n = runs.reduce((a, b) => a + b.length, 0);
        expect(r.crossings).toBe(Math.max(runs.length - 1, 0));
        expect(r.longestRun).toBeLessThanOrEqual(n);
        expect(r.longestRunMax).toBe(longestRunLimit(n));
      }),
    );
  });
  it('inserting points on the centre line changes nothing', () => {
    fc.assert(
      fc.property(series, fc.nat(), (values, at) => {
        const i = values.length === 0 ? 0 : at % values.length;
        const padded = [...values.slice(0, i), 0, 0, ...values.slice(i)];
        expect(anhoj(padded, 0)).toEqual(anhoj(values, 0));
      }),
    );
  });
  it('mirroring the series around the centre changes nothing', () => {
    fc.assert(
      fc.property(series, (values) => {
        expect(
          anhoj(
            values.map((v) => (v === null ? null : -v)),
            0,
          ),
        ).toEqual(anhoj(values, 0));
      }),
    );
  });
});
