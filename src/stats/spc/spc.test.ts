import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EquilensError } from '../../errors.js';
import { spc } from './spc.js';
import type { SpcPoint } from './types.js';

const values = (vs: (number | null)[], phase?: (i: number) => string): SpcPoint[] =>
  vs.map((value, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}`, value, phase: phase?.(i) }));
const counts = (x: number[], n: number[]): SpcPoint[] =>
  x.map((numerator, i) => ({ period: String(i + 1), numerator, denominator: n[i] }));

describe('spc(): chart selection', () => {
  it('auto: XmR for values, p for counts, p′ for overdispersed large denominators', () => {
    expect(spc(values([1, 2, 3])).chart).toBe('xmr');
    expect(spc(counts([1, 2, 3], [10, 10, 10])).chart).toBe('p');
    // first 20 weeks of qicharts2's nhs_accidents: σ_z ≈ 10.6, denominators ≈ 280,000 → p′
    const num = [266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320];
    const den = [280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529];
    const r = spc(counts(num, den));
    expect(r.chart).toBe('pprime');
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'overdispersion' }));
    // the same proportions with small denominators: σ_z < 1.5, p-chart kept
    expect(spc(counts([19, 19, 19, 19, 19], [20, 20, 20, 20, 20])).chart).toBe('p');
  });

  it('auto keeps the p-chart but warns on overdispersion with small denominators', () => {
    const r = spc(counts([0, 50, 0, 50, 0, 50, 0, 50], [100, 100, 100, 100, 100, 100, 100, 100]));
    expect(r.chart).toBe('p');
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'overdispersion' }));
  });

  it('a run chart uses the median and has no limits; only Anhøj signals', () => {
    const r = spc(values([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), { chart: 'run' });
    expect(r.chart).toBe('run');
    expect(r.points[0]).toMatchObject({ centre: 5.5, lower: null, upper: null });
    expect(r.points[0]!.signals).toEqual(['few_crossings']);
    expect(r.runs).toEqual([
      { longestRun: 5, longestRunMax: 6, crossings: 1, crossingsMin: 2, signal: true },
    ]);
  });

  it('p and pprime need counts', () => {
    expect(() => spc(values([1, 2]), { chart: 'p' })).toThrow(EquilensError);
  });
});

describe('spc(): XmR with the NHS MDC rules', () => {
  it('reports every rule on the points that carry it', () => {
    // 12 stable points, then 8 high (shift + Anhøj long run), the last one astronomical.
    const v = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 12, 8, 14, 14, 13, 14, 13, 14, 13, 40];
    const r = spc(values(v), { chart: 'xmr', baselinePeriods: 12 });
    expect(r.points[0]).toMatchObject({ centre: 10, phase: null });
    // baseline MRs: 1,2,1,2,4,2,1,2,1,2,4 → MR̄ 22/11 = 2; limits 10 ± 5.32; 2σ line 13.547
    expect(r.points[19]!.upper).toBeCloseTo(15.32, 10);
    expect(r.points[19]!.signals).toEqual(expect.arrayContaining(['outside_limits', 'shift', 'long_run']));
    expect(r.points[12]!.signals).toEqual(
      expect.arrayContaining(['shift', 'two_of_three_beyond_2sigma', 'long_run']),
    );
    expect(r.points[0]!.signals).toEqual([]);
    expect(r.runs[0]).toMatchObject({ longestRun: 8, signal: true });
  });

  it('flags a 7-point trend', () => {
    const r = spc(values([5, 5, 6, 4, 5, 1, 2, 3, 4, 5, 6, 7, 5, 6, 4]), { chart: 'xmr' });
    const trend = r.points.flatMap((p, i) => (p.signals.includes('trend') ? [i] : []));
    expect(trend).toEqual([5, 6, 7, 8, 9, 10, 11]);
  });
});

describe('spc(): phases and baseline freeze', () => {
  it('recomputes centre, limits and rules per phase', () => {
    const v = [10, 11, 9, 10, 12, 8, 20, 21, 19, 20, 22, 18];
    const r = spc(
      values(v, (i) => (i < 6 ? 'baseline' : 'PDSA 1')),
      { chart: 'xmr' },
    );
    expect(r.points[0]).toMatchObject({ centre: 10, phase: 'baseline' });
    expect(r.points[6]).toMatchObject({ centre: 20, phase: 'PDSA 1' });
    expect(r.points.every((p) => !p.signals.includes('outside_limits'))).toBe(true);
    expect(r.runs).toHaveLength(2);
    // without phases the step change is a signal
    expect(spc(values(v), { chart: 'xmr' }).points.some((p) => p.signals.length > 0)).toBe(true);
  });

  it('freezes each phase at its first N points and warns when a phase is shorter', () => {
    const r = spc(
      values([1, 3, 1, 3, 50, 60, 70], (i) => (i < 6 ? 'a' : 'b')),
      {
        chart: 'xmr',
        baselinePeriods: 4,
      },
    );
    expect(r.points[5]).toMatchObject({ centre: 2 });
    expect(r.points[4]!.signals).toContain('outside_limits');
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'baseline_longer_than_phase' }));
    expect(() => spc(values([1, 2]), { baselinePeriods: 0 })).toThrow(EquilensError);
  });
});

describe('spc(): edge cases never give NaN', () => {
  const finiteOrNull = (r: ReturnType<typeof spc>) => {
    for (const p of r.points)
      for (const v of [p.value, p.centre, p.lower, p.upper])
        expect(v === null || Number.isFinite(v)).toBe(true);
  };

  it('no points, one point, all on the centre line', () => {
    expect(spc([])).toEqual({ chart: 'xmr', points: [], runs: [], warnings: [] });
    const one = spc(values([4]));
    expect(one.points[0]).toMatchObject({ value: 4, centre: 4, upper: null, signals: [] });
    expect(one.warnings).toContainEqual(expect.objectContaining({ code: 'too_few_points' }));
    const flat = spc(values(Array(20).fill(0.1)));
    finiteOrNull(flat);
    expect(flat.points.every((p) => p.signals.length === 0)).toBe(true);
    expect(flat.runs[0]).toMatchObject({ longestRun: 0, crossings: 0, signal: false });
  });

  it('zero denominators give null points with a warning', () => {
    const r = spc(counts([1, 0, 2, 3], [10, 0, 10, 10]));
    expect(r.points[1]).toMatchObject({ value: null, lower: null, upper: null, signals: [] });
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: 'zero_denominator', period: '2' }));
    finiteOrNull(r);
    const all = spc(counts([0, 0], [0, 0]), { chart: 'pprime' });
    expect(all.points.every((p) => p.value === null && p.centre === null)).toBe(true);
    expect(all.warnings.map((w) => w.code)).toContain('no_data');
  });

  it('rejects impossible counts', () => {
    expect(() => spc(counts([5], [3]))).toThrow(/larger than the denominator/);
    expect(() => spc(counts([-1], [3]))).toThrow(/not negative/);
  });
});

describe('spc(): properties', () => {
  it('control limits contain the centre; p-chart limits lie in [0, 1]', () => {
    const pairs = fc.array(fc.tuple(fc.nat({ max: 300 }), fc.nat({ max: 300 })), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(pairs, fc.constantFrom('p' as const, 'pprime' as const), (ps, chart) => {
        const pts = counts(
          ps.map(([a, b]) => Math.min(a, b)),
          ps.map(([a, b]) => Math.max(a, b)),
        );
        for (const p of spc(pts, { chart }).points) {
          if (p.lower === null || p.upper === null || p.centre === null) continue;
          expect(p.lower).toBeGreaterThanOrEqual(0);
          expect(p.upper).toBeLessThanOrEqual(1);
          expect(p.lower).toBeLessThanOrEqual(p.centre);
          expect(p.upper).toBeGreaterThanOrEqual(p.centre);
        }
      }),
    );
  });

  it('a constant series has no signals of any kind', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('run' as const, 'xmr' as const),
        (c, n, chart) => {
          const r = spc(values(Array(n).fill(c)), { chart });
          expect(r.points.every((p) => p.signals.length === 0)).toBe(true);
        },
      ),
    );
  });

  it('only known signal ids, and one runs entry per phase', () => {
    const ids = new Set([
      'outside_limits',
      'shift',
      'trend',
      'two_of_three_beyond_2sigma',
      'long_run',
      'few_crossings',
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.constantFrom('a', 'b')), { maxLength: 40 }),
        (rows) => {
          const r = spc(rows.map(([v, ph], i) => ({ period: String(i), value: v, phase: ph })));
          const phases = rows.filter((row, i) => i === 0 || row[1] !== rows[i - 1]![1]).length;
          expect(r.runs).toHaveLength(phases);
          for (const p of r.points) for (const s of p.signals) expect(ids.has(s)).toBe(true);
        },
      ),
    );
  });
});
