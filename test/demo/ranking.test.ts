/**
 * Issue #12: the demo's key findings lead with what matters. `equilens demo` at its default size and seed
 * (what a new user runs) plants a headline disparity (30-day readmission, Black patients) and a hidden
 * intersection (HbA1c poor control, Black women on Medicaid); the generator writes both to truth.json.
 * The headline must be among the first five key findings of both editions (results.json and
 * results.public.json, and the front page of report.html and report-public.html), the hidden intersection
 * among the first ten of the internal edition, and the CLI may say "found" only then.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KEY_FINDINGS, matchesHeadline, runDemo, type DemoSummary } from '../../src/demo/index.js';
import type { Finding, ResultsFile } from '../../src/model/results.js';
import type { Truth } from '../../src/synth/index.js';

// One full demo (30,000 patients) on a shared 2-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The planted effect tagged `tag` as an exact group: its measure and attribute values (age aside). */
function planted(truth: Truth, tag: string): { measure: string; values: Record<string, string> } {
  for (const m of truth.measures)
    for (const e of m.effects)
      if (e.tags.includes(tag)) {
        const values = Object.fromEntries(
          Object.entries(e.where).filter(([k, v]) => k !== 'age' && typeof v === 'string'),
        ) as Record<string, string>;
        return { measure: m.id, values };
      }
  throw new Error(`truth.json has no effect tagged ${tag}`);
}

/** 0-based position of the first finding whose worse-off group is exactly `values` for `measure`. */
const positionOf = (findings: readonly Finding[], p: { measure: string; values: Record<string, string> }) =>
  findings.findIndex(
    (f) =>
      !f.referenceWorse &&
      f.measure === p.measure &&
      Object.keys(f.values).length === Object.keys(p.values).length &&
      Object.entries(p.values).every(([k, v]) => f.values[k] === v),
  );

/** The front page's key findings: the first list of the findings section. */
const frontPage = (html: string): string => {
  const start = html.indexOf('<ol class="findings">');
  return html.slice(start, html.indexOf('</ol>', start));
};

describe('the demo leads with the planted disparities', () => {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-ranking-'));
  let summary: DemoSummary;
  let truth: Truth;
  let internal: ResultsFile;
  let pub: ResultsFile;

  beforeAll(async () => {
    summary = await runDemo({ out: join(dir, 'demo') });
    truth = read<Truth>(join(summary.out, 'truth.json'));
    internal = read<ResultsFile>(join(summary.out, 'results.json'));
    pub = read<ResultsFile>(join(summary.out, 'results.public.json'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ranks the headline among the first five key findings of both editions', () => {
    const headline = planted(truth, 'headline');
    expect(headline).toEqual({
      measure: truth.headline!.measure,
      values: { race_ethnicity: expect.any(String) },
    });
    for (const [edition, results, report] of [
      ['internal', internal, summary.report!],
      ['public', pub, summary.publicReport!],
    ] as const) {
      const i = positionOf(results.findings, headline);
      expect(
        i,
        `${edition}: ${JSON.stringify(results.findings.slice(0, 5).map((f) => f.values))}`,
      ).toBeGreaterThanOrEqual(0);
      expect(i, edition).toBeLessThan(KEY_FINDINGS);
      expect(results.findings[i]!.kind).toBe('stratum');
      // the report's front page shows that finding (its rate is marked with its path in the results)
      const front = frontPage(readFileSync(report, 'utf8'));
      expect(front, edition).toContain(`data-field="findings.${i}.rate"`);
      expect(matchesHeadline(results.findings[i]!, truth.headline!)).toBe(true);
    }
  });

  it('ranks the hidden intersection among the first ten of the internal edition', () => {
    const hidden = planted(truth, 'hidden_intersection');
    expect(Object.keys(hidden.values).sort()).toEqual(['payer', 'race_ethnicity', 'sex']);
    const i = positionOf(internal.findings, hidden);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(i).toBeLessThan(10);
  });

  it('says the headline was found, and where', () => {
    const i = positionOf(internal.findings, planted(truth, 'headline'));
    expect(summary.headline).toMatchObject({ found: true, rank: i + 1, of: internal.findings.length });
  });

  it('states the ranking on the page and names the rule beside each comparison', () => {
    const html = readFileSync(summary.report!, 'utf8');
    expect(html).toContain('Ranked by the strength of each gap');
    expect(internal.ranking).toMatchObject({ method: 'weighted_strength', priorityWeight: 2 });
    expect(internal.findings.every((f) => f.referenceRule !== undefined)).toBe(true);
    expect(frontPage(html).match(/Reference: /g)?.length).toBe(KEY_FINDINGS);
  });

  it('names what the counts count: people, measure rows, and each measure unit', () => {
    // people are patients; measure rows are one per measure a row of the extract (an encounter) is in
    const rows = truth.measures.reduce((t, m) => t + m.overall.denominator, 0);
    expect(rows).toBeGreaterThan(truth.rows); // an encounter can count for several measures
    expect(internal.dataset).toMatchObject({ people: truth.patients, measureRows: rows, rows });
    const readmit = internal.measures.find((m) => m.id === 'readmit30')!;
    expect(readmit).toMatchObject({ unit: 'discharge', type: 'outcome' });
    expect(readmit.description).toMatch(/^Of inpatient discharges/);
    const html = readFileSync(summary.report!, 'utf8');
    const glance = html.slice(
      html.indexOf('id="glance"'),
      html.indexOf('</section>', html.indexOf('id="glance"')),
    );
    expect(glance).toMatch(/<\/span> discharges/);
    expect(glance).not.toMatch(/<\/span> people/);
  });
});
