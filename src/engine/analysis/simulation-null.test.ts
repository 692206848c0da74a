/**
 * False discoveries of hidden-gap discovery on `equilens synth --null` data (same population and measures,
 * nothing planted): every discovered subgroup is false, so a run's false-discovery proportion is 1 when
 * anything is reported, else 0, and its mean over repeated seeds estimates the FDR. It must stay ≤ the
 * configured level (Benjamini–Hochberg at q = 0.05 keeps P(any discovery) ≤ 0.05 under the global null).
 * With a handful of runs, the check is that the number of runs with a false discovery is consistent with
 * FDR ≤ fdr (exact binomial upper tail ≥ 0.05), since a mean over four 0/1 proportions cannot resolve 5%.
 * Small populations and four measures keep it fast; seeds are fixed, so it is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { binomCdf } from '../../stats/distributions.js';
import { nullSpec } from '../../synth/index.js';
import { analyzeDataset } from './analyze.js';
import { tempWorkspace, testConfig } from './__fixtures__/canonical.js';
import { synthDataset } from './__fixtures__/synth-dataset.js';

describe('with no planted gap, discovery keeps false discoveries under the configured level', () => {
  it('mean false-discovery proportion over repeated seeds ≤ fdr', async () => {
    const { ws } = await tempWorkspace();
    const fdr = 0.05;
    const fdp: number[] = [];
    try {
      for (const seed of [21, 22, 23, 24]) {
        const { dataset, truth } = await synthDataset(ws, nullSpec(), { seed, patients: 4_000 });
        const config = testConfig({ period: 'none', discovery: { depth: 2, min_size: 30, fdr } });
        config.measures = truth.measures
          .slice(0, 4)
          .map((m) => ({ ...config.measures[0]!, id: m.id, title: m.title, direction: m.direction }));
        const results = await analyzeDataset(ws.engine, dataset, config, 'null');
        expect(results.plan!.discovery.tested).toBeGreaterThan(500);
        const discovered = results.findings.filter((f) => f.kind === 'discovered').length;
        fdp.push(discovered > 0 ? 1 : 0);
      }
    } finally {
      await ws.close();
    }
    // Runs with any discovery ~ Binomial(runs, FDR). The observed count must be consistent with FDR ≤ fdr:
    // P(X ≥ observed | fdr) ≥ 0.05 (with 4 runs: at most one run may report a false discovery; seed 21 does,
    // a chance cell of crc_screen among interpersonal-safety-positive patients).
    const hits = fdp.reduce((a, b) => a + b, 0);
    expect(binomialUpperTail(hits, fdp.length, fdr)).toBeGreaterThanOrEqual(0.05);
  }, 60_000);
});

/** P(X ≥ k) for X ~ Binomial(n, p). */
function binomialUpperTail(k: number, n: number, p: number): number {
  return k <= 0 ? 1 : 1 - binomCdf(k - 1, n, p);
}
