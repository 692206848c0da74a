import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../cli/io.js';
import { main } from '../cli/main.js';
import { parseConfigText } from '../config/load.js';
import { fixtureResults } from './__fixtures__/results.js';
import { buildReport } from './build-report.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-editions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const text = (html: string): string =>
  html
    .replace(/<(style|script|svg)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
    .replace(/\s+/g, ' ');

describe('provenance and editions', () => {
  const provenance = {
    organisation: 'Lakeshore Health',
    period: { start: '2024-01-01', end: '2025-12-31' },
    synthetic: true,
    source: 'results.public.json',
  };

  it('names the organisation, period, data range, dataset version and source file; says the data is synthetic', async () => {
    const t = text(
      await buildReport(fixtureResults('public'), { audience: 'public', lang: 'en', provenance }),
    );
    expect(t).toContain('Lakeshore Health');
    expect(t).toContain('Measurement period January 1, 2024 to December 31, 2025');
    expect(t).toMatch(/Data from \S+ to \S+/);
    expect(t).toMatch(/Dataset version \d+/);
    expect(t).toContain('Every number in this report comes from results.public.json');
    expect(t).toContain('Synthetic data.');
    // In print, the same line repeats on every page.
    expect(await buildReport(fixtureResults(), { audience: 'internal', lang: 'en', provenance })).toMatch(
      /<div class="runner" aria-hidden="true">Synthetic data\. · <strong>Lakeshore Health/,
    );
  });

  it('the summary edition: top findings, every measure with its trend, caveats, definitions; no measure pages', async () => {
    const r = fixtureResults('public');
    const html = await buildReport(r, { audience: 'public', lang: 'en', edition: 'summary', provenance });
    const t = text(html);
    expect(t).toContain('Health equity summary for the council and community');
    expect((html.match(/<li class="finding"/g) ?? []).length).toBe(Math.min(5, r.findings.length));
    for (const m of r.measures) expect(t).toContain(m.title);
    expect(t).toMatch(/in \d{4}-?Q\d, .* in \d{4}-?Q\d/);
    expect(t).toContain('Data-quality caveats');
    expect(t).toContain('What the words mean');
    expect(html).not.toContain('class="measure"');
    expect(html).not.toContain('href="#m-');
  });

  it('summary measures are in one appendix with their scale, not under every chart', async () => {
    const html = await buildReport(fixtureResults(), { audience: 'internal', lang: 'en' });
    expect(html).not.toContain('<div class="summary">');
    const appendix = html.slice(
      html.indexOf('<section id="appendix"'),
      html.indexOf('<section id="glossary"'),
    );
    expect(appendix).toContain('percentage points');
    expect(appendix).toContain('index ×1000');
    expect(appendix).toContain('ratio (1 = no gap)');
    expect((appendix.match(/<details class="data summary">/g) ?? []).length).toBeGreaterThan(0);
  });

  it('links the glossary from the terms, and every glossary entry exists', async () => {
    const html = await buildReport(fixtureResults(), { audience: 'internal', lang: 'es' });
    for (const id of ['interval', 'q', 'ratio', 'reference', 'suppression']) {
      expect(html).toContain(`id="g-${id}"`);
      if (id !== 'suppression') expect(html).toContain(`href="#g-${id}"`);
    }
    expect(text(html)).toContain('Qué significan las palabras');
  });

  it('public: withheld findings are counted and nothing says no gap stood out', async () => {
    const r = fixtureResults('public');
    r.findings = [];
    r.warnings.push({ code: 'findings_withheld', message: 'x', count: 4 } as never);
    const t = text(await buildReport(r, { audience: 'public', lang: 'en' }));
    expect(t).toContain('4 findings are withheld from this public edition');
    expect(t).not.toMatch(/No gap stood out/);
  });

  it('public: a withheld data-quality count reads "fewer than 11", the row is kept', async () => {
    const r = fixtureResults('public');
    const q = r.quality![0]!;
    Object.assign(q, { declined: null });
    const html = await buildReport(r, { audience: 'public', lang: 'en' });
    expect(html).toContain('fewer than 11');
  });

  it('measure titles from the config in the report language (plain strings too)', async () => {
    const r = fixtureResults();
    const m = r.measures[0]!;
    const html = await buildReport(r, {
      audience: 'internal',
      lang: 'es',
      definitions: [{ id: m.id, title: m.title, titles: { en: m.title, es: 'Reingreso a 30 días' } }],
    });
    expect(html).toContain('Reingreso a 30 días');
    expect(html).not.toContain(`>${m.title}<`);
  });
});

describe('config: translatable measure titles and project provenance', () => {
  const yaml = (title: string): string => `version: 1
project: {name: Demo, organisation: Lakeshore Health, period: {start: 2024-01-01, end: 2025-12-31}, synthetic: true}
sources: [{name: main, type: csv}]
mapping: {patient_id: pid}
measures:
  - id: m1
    title: ${title}
    direction: lower_is_better
    numerator: "a = 1"
`;

  it('accepts title: {en, es} and a plain string', () => {
    const a = parseConfigText(yaml('{en: Readmission, es: Reingreso}')).config;
    expect(a.measures[0]).toMatchObject({
      title: 'Readmission',
      titles: { en: 'Readmission', es: 'Reingreso' },
    });
    expect(a.project).toMatchObject({ organisation: 'Lakeshore Health', synthetic: true });
    const b = parseConfigText(yaml('Readmission')).config;
    expect(b.measures[0]!.title).toBe('Readmission');
    expect(b.measures[0]).not.toHaveProperty('titles');
  });

  it('`equilens report --edition summary` writes report-summary.html with the config provenance', async () => {
    writeFileSync(join(dir, 'results.public.json'), JSON.stringify(fixtureResults('public')));
    writeFileSync(join(dir, 'equilens.yaml'), yaml('{en: Readmission, es: Reingreso}'));
    const io = captureIO(dir);
    const code = await main(
      [
        'node',
        'equilens',
        'report',
        '--out',
        '.',
        '--audience',
        'public',
        '--edition',
        'summary',
        '--format',
        'json',
      ],
      io,
    );
    expect(code, io.stderr).toBe(0);
    const out = JSON.parse(io.stdout) as { file: string; edition: string };
    expect(out).toMatchObject({ file: join(dir, 'report-summary.html'), edition: 'summary' });
    const t = text(readFileSync(out.file, 'utf8'));
    expect(t).toContain('Lakeshore Health');
    expect(t).toContain('Synthetic data.');
  });
});

describe('every finding in one table', () => {
  it('public: a small excess is not printed in the table either', async () => {
    const r = fixtureResults('public');
    const f = r.findings[0]!;
    r.findings = Array.from({ length: 14 }, (_, i) => ({ ...f, excessEvents: i === 13 ? 7 : 50 }));
    const html = await buildReport(r, { audience: 'public', lang: 'en' });
    const table = html.slice(html.indexOf('class="data all-findings"'));
    expect(table).toContain('<td>50</td>');
    expect(table).not.toMatch(/<td>7<\/td><\/tr>/);
  });
});
