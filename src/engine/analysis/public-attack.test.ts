/**
 * Attack the public edition of real synthetic runs (issue #10 "Done when"): the demo's pipeline (its
 * generator spec and seed, 2,000 patients: synth → ingest → analyze, as `equilens demo --patients 2000`
 * runs it, without the report) and a second 2,000-patient synthetic health system (another seed). The
 * attacker (src/suppression/__fixtures__/results-attack.ts, independent of the auditor) knows every
 * additive relation with its true constant, integrality, non-negativity and n ≤ d, every shown count, and
 * the denominators shown for other measures over the same people. It must pin down no hidden cell, narrow
 * no cell hidden for small counts below the protection width, and find no hidden cell's rate anywhere in
 * the file; the file must say only "suppressed" about a hidden value.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_SEED } from '../../demo/run-demo.js';
import { attackRun } from './__fixtures__/public-attack.js';

describe('public edition of the demo (its spec and seed, 2,000 patients)', () => {
  it('recovers nothing exactly, narrows no small cell, publishes no hidden rate, says only "suppressed"', async () => {
    const { report, pub, reasons } = await attackRun(DEMO_SEED);
    expect(pub.stamp.audience).toBe('public');
    expect(report.hidden).toBeGreaterThan(100);
    expect(report.pinned).toEqual([]);
    expect(report.narrowed).toEqual([]);
    expect(report.publishedRates).toEqual([]);
    expect(reasons.filter((r) => r !== 'suppressed' && r !== 'no_data')).toEqual([]);
  }, 120_000);
});
