import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directStandardise } from './direct-standardise.js';
import { byarLimits, exactPoissonLimits } from './rate.js';
import { ESP2013, US2000, US2000_18 } from './standard-populations.js';

// NCI SEER*Stat tutorial "Calculating age-adjusted rates" (seer.cancer.gov/seerstat/tutorials/aarates/):
// cancer incidence by 18 age groups, US 2000 standard → age-adjusted rate 400.3 per 100,000.
// (The same example is the test fixture of the fcds R package, tests/testthat/test-age.R.)
const SEER = [
  ['0 - 4', 116, 693068],
  ['5 - 9', 67, 736212],
  ['10 - 14', 71, 770999],
  ['15 - 19', 87, 651390],
  ['20 - 24', 177, 639159],
  ['25 - 29', 290, 676354],
  ['30 - 34', 657, 736557],
  ['35 - 39', 1072, 724826],
  ['40 - 44', 1691, 700200],
  ['45 - 49', 2428, 617437],
  ['50 - 54', 2931, 516541],
  ['55 - 59', 2881, 361170],
  ['60 - 64', 2817, 259440],
  ['65 - 69', 2817, 206204],
  ['70 - 74', 2744, 172087],
  ['75 - 79', 2634, 142958],
  ['80 - 84', 1884, 99654],
  ['85+', 1705, 92692],
].map(([ageBand, events, population]) => ({
  ageBand: ageBand as string,
  events: events as number,
  population: population as number,
}));

describe('standard populations', () => {
  it('have the published totals', () => {
    expect(ESP2013.reduce((s, b) => s + b.population, 0)).toBe(100_000);
    expect(ESP2013).toHaveLength(19);
    expect(ESP2013.at(-1)!.ageBand).toBe('90+');
    expect(US2000.reduce((s, b) => s + b.population, 0)).toBe(274_633_642);
    expect(US2000).toHaveLength(19);
    expect(US2000_18.reduce((s, b) => s + b.population, 0)).toBe(274_633_642);
  });
});

describe('directStandardise', () => {
  it('reproduces the SEER*Stat age-adjusted rate (US 2000, 0-4 merged from 0 and 1-4)', () => {
    const r = directStandardise(SEER, US2000);
    expect(r.value!.toFixed(1)).toBe('400.3');
    expect(directStandardise(SEER, US2000_18).value).toBeCloseTo(r.value!, 9);
    expect(r.events).toBe(27069);
    expect(r.warnings).toEqual([]);
    expect(r.lower).toBeLessThan(r.value!);
    expect(r.upper).toBeGreaterThan(r.value!);
  });

  it("reduces to the crude rate's Byar/exact limits for a single age band (Dobson et al. 1991)", () => {
    const one = directStandardise([{ ageBand: '0-4', events: 25, population: 10_000 }], ESP2013, {
      levels: [0.95, 0.998],
    });
    expect(one.value).toBeCloseTo(250, 9);
    expect(one.ci[0]!.lower).toBeCloseTo(byarLimits(25).lower * 10, 9);
    expect(one.ci[1]!.upper).toBeCloseTo(byarLimits(25, 0.998).upper * 10, 9);
    const few = directStandardise([{ ageBand: '0-4', events: 4, population: 10_000 }], ESP2013);
    expect(few.upper).toBeCloseTo(exactPoissonLimits(4).upper * 10, 9);
    expect(few.warnings.map((w) => w.code)).toEqual(['standard_bands_not_covered', 'few_events']);
  });

  it('computes the Dobson limits by hand on a two-band example', () => {
    // Bands 0-44 (ESP 2013 weight 54,000) 20/40,000 and 45+ (46,000) 80/10,000; ΣW = 100,000.
    // DSR = (54000·20/40000 + 46000·80/10000)/100000 = 0.00395 → 395 per 100,000.
    // var = (20·(54000/40000)² + 80·(46000/10000)²)/100000²; O = 100;
    // limits DSR + √(var/O)·(Byar(O) − O), Dobson et al. (1991) eq. 3.
    const rows = [
      { ageBand: '0-44', events: 20, population: 40_000 },
      { ageBand: '45+', events: 80, population: 10_000 },
    ];
    const r = directStandardise(rows, ESP2013);
    expect(r.value).toBeCloseTo(395, 9);
    const se = Math.sqrt((20 * (54000 / 40000) ** 2 + 80 * (46000 / 10000) ** 2) / 1e10 / 100);
    const b = byarLimits(100);
    expect(r.lower).toBeCloseTo((0.00395 + se * (b.lower - 100)) * 1e5, 9);
    expect(r.upper).toBeCloseTo((0.00395 + se * (b.upper - 100)) * 1e5, 9);
  });

  it('edge cases: zero events, zero population, events without population, suppression', () => {
    const zero = directStandardise([{ ageBand: '0-4', events: 0, population: 100 }], ESP2013);
    expect(zero.value).toBe(0);
    expect(zero.lower).toBeNull();
    expect(zero.warnings.map((w) => w.code)).toContain('no_events');
    const empty = directStandardise([{ ageBand: '0-4', events: 0, population: 0 }], ESP2013);
    expect(empty.value).toBeNull();
    expect(empty.warnings.map((w) => w.code)).toContain('no_population');
    const bad = directStandardise([{ ageBand: '0-4', events: 2, population: 0 }], ESP2013);
    expect(bad.value).toBeNull();
    expect(bad.warnings.at(-1)!.code).toBe('events_without_population');
    const suppressed = directStandardise(
      SEER.slice(0, 1).map((r) => ({ ...r, events: 9 })),
      US2000,
      {
        minEvents: 10,
      },
    );
    expect(suppressed.value).toBeNull();
    expect(directStandardise([], ESP2013).value).toBeNull();
  });

  it('merges data bands finer than the standard (85-89 + 90+ under US 2000 85+)', () => {
    const rows = ESP2013.map((b, i) => ({ ageBand: b.ageBand, events: i + 10, population: 1000 }));
    const merged = directStandardise(rows, US2000);
    const byHand = directStandardise(
      [...rows.slice(0, 17), { ageBand: '85+', events: 17 + 10 + 18 + 10, population: 2000 }],
      US2000,
    );
    expect(merged.value).toBeCloseTo(byHand.value!, 9);
    expect(merged.warnings).toEqual([]);
  });

  it('shares a straddled standard band by years (split, default) or rejects it (strict)', () => {
    // Data 0-17 and 18+ against ESP 2013: 15-19 (5,500) is shared 3/5 : 2/5, so the weights are
    // 0-17: 5000 + 5500 + 5500 + 3300 = 19,300 and 18+: 80,700. DSR = (19300·0.01 + 80700·0.02)/100000.
    const rows = [
      { ageBand: '0-17', events: 100, population: 10_000 },
      { ageBand: '18+', events: 400, population: 20_000 },
    ];
    const r = directStandardise(rows, ESP2013, { multiplier: 1 });
    expect(r.value).toBeCloseTo((19300 * 0.01 + 80700 * 0.02) / 100000, 12);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'standard_band_split', bands: ['15-19'] })]);
    expect(() => directStandardise(rows, ESP2013, { alignment: 'strict' })).toThrow(/does not line up/);
    // A data band reaching past a standard that stops at 84 has ages without weight: always an error.
    const to84 = [{ ageBand: '80-84', population: 10 }];
    expect(() => directStandardise([{ ageBand: '80+', events: 1, population: 5 }], to84)).toThrow();
  });

  it('rejects bands that do not line up with the standard', () => {
    expect(() =>
      directStandardise([{ ageBand: '18-24', events: 1, population: 10 }], ESP2013, { alignment: 'strict' }),
    ).toThrow(/does not line up/);
    expect(() => directStandardise([{ ageBand: 'adults', events: 1, population: 10 }], ESP2013)).toThrow(
      /not recognised/,
    );
    expect(() =>
      directStandardise(
        [
          { ageBand: '0-9', events: 1, population: 10 },
          { ageBand: '5-9', events: 1, population: 10 },
        ],
        ESP2013,
      ),
    ).toThrow(/overlap/);
  });

  it("property: standardising to the group's own age structure returns the crude rate", () => {
    const bands = ESP2013.map((b) => b.ageBand);
    fc.assert(
      fc.property(
        fc.array(
          fc
            .integer({ min: 1, max: 1_000_000 })
            .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
          { minLength: bands.length, maxLength: bands.length },
        ),
        (cells) => {
          const rows = cells.map(([events, population], i) => ({ ageBand: bands[i]!, events, population }));
          const own = rows.map((r) => ({ ageBand: r.ageBand, population: r.population }));
          const r = directStandardise(rows, own);
          const events = rows.reduce((s, x) => s + x.events, 0);
          const pop = rows.reduce((s, x) => s + x.population, 0);
          expect(r.value).toBeCloseTo((events / pop) * 100_000, 6);
          if (events > 0) {
            expect(r.lower!).toBeLessThanOrEqual(r.value! + 1e-9);
            expect(r.upper!).toBeGreaterThanOrEqual(r.value! - 1e-9);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
