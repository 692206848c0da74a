/**
 * Simulation tests on `equilens synth` data (src/synth), where the planted disparities are known.
 *
 * Power (documented computation, normal approximation of the two-sample score test):
 *   power ≈ Φ(|p₁ − p₂| / √(p₁q₁/n₁ + p₂q₂/n₂) − z₁₋α/2)
 * with p, n the realised counts of the planted group and its comparison (truth.json), and α the per-test level
 * at which Benjamini–Hochberg rejects in this run: fdr × R / m for R rejections among m tests. The stated
 * sizes (OR 1.45 for readmission among Black patients; OR 2.6 for HbA1c among Black women on Medicaid) at
 * 30,000 synthetic patients give power ≥ 0.8, asserted, and the gap must be found (fixed seed:
 * deterministic). The false-discovery simulation is in simulation-null.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile } from '../../model/results.js';
import { zFor, phi } from '../../stats/distributions.js';
import { defaultSpec, type Truth } from '../../synth/index.js';
import type { Workspace } from '../workspace.js';
import { analyzeDataset } from './analyze.js';
import { tempWorkspace, testConfig } from './__fixtures__/canonical.js';
import { synthDataset } from './__fixtures__/synth-dataset.js';

const BLACK = 'Black or African American';
const configFor = (truth: Truth, discovery: Record<string, unknown> = {}) => {
  const c = testConfig({
    stratifiers: ['race_ethnicity', 'sex', 'payer', 'disability', 'hrsn_food', 'hrsn_housing_instability'],
    discovery: { depth: 3, min_size: 50, fdr: 0.05, ...discovery },
  });
  c.measures = truth.measures.map((m) => ({
    ...c.measures[0]!,
    id: m.id,
    title: m.title,
    direction: m.direction,
  }));
  return c;
};

export function approxPower(
  g: { numerator: number; denominator: number },
  r: { numerator: number; denominator: number },
  alpha: number,
): number {
  const p1 = g.numerator / g.denominator;
  const p2 = r.numerator / r.denominator;
  const se = Math.sqrt((p1 * (1 - p1)) / g.denominator + (p2 * (1 - p2)) / r.denominator);
  return phi(Math.abs(p1 - p2) / se - zFor(1 - alpha));
}

/** The per-test level at which BH rejected in this run's q-value family (strata and intersections). */
function bhLevel(results: ResultsFile): number {
  const groups = [
    ...results.measures.flatMap((m) => m.strata.flatMap((s) => s.groups)),
    ...results.intersections.flatMap((i) => i.groups),
  ].filter((g) => g.pValue !== null);
  const rejected = groups.filter((g) => g.qValue !== null && g.qValue <= 0.05).length;
  return (0.05 * Math.max(1, rejected)) / groups.length;
}

describe('planted gaps in synthetic data are found', () => {
  const runs: { truth: Truth; results: ResultsFile }[] = [];
  let ws: Workspace;
  beforeAll(async () => {
    ({ ws } = await tempWorkspace());
    for (const seed of [11]) {
      const { dataset, truth } = await synthDataset(ws, defaultSpec(), { seed, patients: 30_000 });
      runs.push({ truth, results: await analyzeDataset(ws.engine, dataset, configFor(truth), 'sim') });
    }
  }, 60_000);
  afterAll(async () => ws.close());

  it('counts every measure overall and by race and ethnicity exactly as generated', () => {
    for (const { truth, results } of runs) {
      for (const tm of truth.measures) {
        const m = results.measures.find((x) => x.id === tm.id)!;
        expect([m.overall.numerator, m.overall.denominator]).toEqual([
          tm.overall.numerator,
          tm.overall.denominator,
        ]);
        const re = m.strata.find((s) => s.stratifier === 'race_ethnicity' && !s.facet)!;
        for (const [label, c] of Object.entries(tm.byRaceEthnicity)) {
          if (c.denominator === 0) continue;
          const g = re.groups.find((x) => x.group === label)!;
          expect([label, g.numerator, g.denominator]).toEqual([label, c.numerator, c.denominator]);
        }
      }
    }
  });

  it('finds the headline gap (readmission, Black patients, OR 1.45) as a worse stratum', () => {
    for (const { truth, results } of runs) {
      const effect = truth.measures.find((m) => m.id === 'readmit30')!.effects[0]!;
      expect(approxPower(effect.group, effect.rest, bhLevel(results))).toBeGreaterThan(0.8);
      const f = results.findings.find(
        (x) => x.kind === 'stratum' && x.measure === 'readmit30' && x.values.race_ethnicity === BLACK,
      );
      expect(f, `seed ${truth.seed}`).toBeDefined();
      expect(f!.excessEvents).toBeGreaterThan(0);
    }
  });

  it('discovers the hidden intersection (HbA1c, Black women on Medicaid, OR 2.6) that no single attribute shows', () => {
    for (const { truth, results } of runs) {
      const effect = truth.measures.find((m) => m.id === 'hba1c_poor')!.effects[0]!;
      const d = results.plan!.discovery;
      expect(
        approxPower(effect.group, effect.rest, (0.05 * Math.max(1, d.found)) / d.tested),
      ).toBeGreaterThan(0.8);
      const f = results.findings.find(
        (x) =>
          x.kind === 'discovered' &&
          x.measure === 'hba1c_poor' &&
          x.values.race_ethnicity === BLACK &&
          x.values.sex === 'Female' &&
          x.values.payer === 'Medicaid',
      );
      expect(f, `seed ${truth.seed}`).toBeDefined();
      expect(f!.comparison).toBe('everyone else');
      expect(f!.parents?.map((p) => p.stratifier).sort()).toEqual(['payer', 'race_ethnicity', 'sex']);
      // the single attributes carry (almost) no effect: Black alone is not a worse stratum for this measure
      expect(
        results.findings.some(
          (x) => x.kind === 'stratum' && x.measure === 'hba1c_poor' && x.values.race_ethnicity === BLACK,
        ),
      ).toBe(false);
    }
  });

  it('sees the blood-pressure gap for Black patients narrowing after the planted PDSA change (period 5)', () => {
    for (const { results } of runs) {
      const bp = results.measures.find((m) => m.id === 'bp_control')!;
      const re = bp.strata.find((s) => s.stratifier === 'race_ethnicity' && !s.facet)!;
      expect(re.trend?.gap?.group).toBe(BLACK);
      expect(re.trend?.gap?.points).toHaveLength(8);
      expect(re.trend?.gapDirection).toBe('narrowing');
      const series = re.trend!.groups.find((g) => g.group === BLACK)!.points;
      expect(series.every((p) => p.centre !== undefined && Array.isArray(p.signals))).toBe(true);
    }
  });

  // Deliberately changed (issue #12): findings are no longer ranked by raw excess events, which put
  // volume-driven screening gaps first, but by weighted strength (src/analysis/rank.ts).
  it('ranks findings by weighted strength, stable ones first, with the planted gaps near the top', () => {
    for (const { truth, results } of runs) {
      const key = results.findings.map((f) => [f.unstable ? 1 : 0, -(f.score ?? -1)] as const);
      expect(key).toEqual([...key].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
      const rank = results.findings.findIndex(
        (x) => x.kind === 'stratum' && x.measure === 'readmit30' && x.values.race_ethnicity === BLACK,
      );
      expect(rank, `seed ${truth.seed}`).toBeGreaterThanOrEqual(0);
      expect(rank, `seed ${truth.seed}`).toBeLessThan(5);
    }
  });
});
