/**
 * Issue #12 (Done when: "Public demo: the Male group is shown"): in the demo, every measure's sex
 * stratifier has two large groups and a small Unknown group, and the overall is known (every zip code is
 * shown), so Unknown = overall − Female − Male. The public edition must keep Male shown — coarsened (its
 * rate rounded, its counts withheld) rather than hidden — and never label a suppressed group "no data".
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { DemoSummary } from '../../src/demo/index.js';
import type { ResultsFile } from '../../src/model/results.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

describe('equilens demo: the public edition keeps the Male group', () => {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-demo-sex-'));
  let internal: ResultsFile;
  let pub: ResultsFile;
  let html: string;

  beforeAll(async () => {
    const io = captureIO(dir);
    const code = await main(['node', 'equilens', 'demo', '--patients', '3000', '--format', 'json'], io);
    expect(code, io.stderr).toBe(0);
    const out = (JSON.parse(io.stdout) as DemoSummary).out;
    internal = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ResultsFile;
    pub = JSON.parse(readFileSync(join(out, 'results.public.json'), 'utf8')) as ResultsFile;
    html = readFileSync(join(out, 'report-public.html'), 'utf8');
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sex = (r: ResultsFile, measure: string) =>
    r.measures.find((m) => m.id === measure)!.strata.find((s) => s.stratifier === 'sex' && !s.facet);

  it('shows Male, with a rate, for every measure whose sex stratifier has a Male group', () => {
    const withMale = internal.measures.filter((m) =>
      sex(internal, m.id)?.groups.some((g) => g.group === 'Male'),
    );
    expect(withMale.length).toBeGreaterThanOrEqual(6);
    for (const m of withMale) {
      const male = sex(pub, m.id)!.groups.find((g) => g.group === 'Male')!;
      expect(male.suppressed, m.id).toBe(false);
      expect(male.rate, m.id).not.toBeNull();
      // Shown exactly, or coarsened: then rounded to the stated step, counts withheld.
      if (male.roundedTo !== undefined) {
        expect(male.numerator, m.id).toBeNull();
        expect(Math.abs(male.rate! / male.roundedTo - Math.round(male.rate! / male.roundedTo))).toBeLessThan(
          1e-6,
        );
      }
    }
  });

  it('says "suppressed" (never "no data") for a hidden group, and marks a rounded rate in the report', () => {
    for (const m of pub.measures)
      for (const s of m.strata)
        for (const g of s.groups) if (g.suppressed) expect(g.suppressionReason).toBe('suppressed');
    const coarsened = pub.measures.some((m) =>
      m.strata.some((s) => s.groups.some((g) => g.roundedTo !== undefined)),
    );
    expect(coarsened).toBe(true);
    expect(html).toContain('class="rounded"');
  });
});
