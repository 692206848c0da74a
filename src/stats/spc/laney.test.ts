import { describe, expect, it } from 'vitest';
import { laneySigmaZ } from './laney.js';
import { pChartLines } from './p-chart.js';

// The first 20 weeks of qicharts2's `nhs_accidents` data (Mohammed 2013; emergency patients seen within
// 4 hours), as used by the PowerBI-SPC golden fixture test/fixtures/golden/pp/basic.qicharts2.json
// (AUS-DOH-Safety-and-Quality/PowerBI-SPC, generated in R 4.5.1 with Laney's 2002 formula — the same
// formula as qicharts2 `qic.pp` without moving-range screening).
const num = [
  266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320, 267923, 271478, 255353,
  256820, 261835, 259144, 255910, 260863, 264465, 260989,
];
const den = [
  280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529, 279618, 283932, 266629,
  268091, 276803, 271578, 266005, 273520, 278574, 273772,
];
const ucl = [
  0.96567, 0.965753, 0.965421, 0.965326, 0.965627, 0.965775, 0.965593, 0.965345, 0.965579, 0.965623, 0.965689,
  0.965591, 0.965996, 0.965961, 0.965753, 0.965877, 0.966012, 0.96583, 0.965713, 0.965824,
];
const lcl = [
  0.94013, 0.940046, 0.940378, 0.940473, 0.940173, 0.940025, 0.940207, 0.940454, 0.94022, 0.940177, 0.940111,
  0.940208, 0.939803, 0.939839, 0.940046, 0.939923, 0.939788, 0.939969, 0.940087, 0.939975,
];
const ul95 = [
  0.961413, 0.961469, 0.961247, 0.961184, 0.961384, 0.961483, 0.961362, 0.961197, 0.961353, 0.961382,
  0.961426, 0.961361, 0.961631, 0.961607, 0.961469, 0.961551, 0.961641, 0.96152, 0.961442, 0.961516,
];

describe('Laney p′', () => {
  it('reproduces the golden p′ limits (3σ and 2σ) to 6 decimals', () => {
    const series = { numerators: num, denominators: den };
    const sigmaZ = laneySigmaZ(series, 20)!;
    expect(sigmaZ).toBeGreaterThan(10); // strongly overdispersed: p-chart limits would be ~10× too narrow
    const lines = pChartLines(series, 20, sigmaZ);
    lines.forEach((l, i) => {
      expect(l.centre).toBeCloseTo(0.9529, 4);
      expect(l.upper).toBeCloseTo(ucl[i]!, 6);
      expect(l.lower).toBeCloseTo(lcl[i]!, 6);
      expect(l.upper2).toBeCloseTo(ul95[i]!, 6);
    });
  });

  it('σ_z is null with fewer than two adjacent z-scores, and for p̄ = 0', () => {
    expect(laneySigmaZ({ numerators: [5], denominators: [10] }, 1)).toBeNull();
    expect(laneySigmaZ({ numerators: [5, 1, 4], denominators: [10, 0, 10] }, 3)).toBeNull();
    expect(laneySigmaZ({ numerators: [0, 0, 0], denominators: [10, 20, 30] }, 3)).toBeNull();
  });

  it('σ_z is 0 when every period has the same proportion', () => {
    expect(laneySigmaZ({ numerators: [1, 2, 3], denominators: [10, 20, 30] }, 3)).toBeCloseTo(0, 12);
  });
});
