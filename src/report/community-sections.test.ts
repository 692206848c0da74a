import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIO } from '../cli/io.js';
import { main } from '../cli/main.js';
import { at, marks } from './__fixtures__/marks.js';
import { fixtureEquity } from './__fixtures__/equity.js';
import { fixtureResults } from './__fixtures__/results.js';
import { buildReport } from './build-report.js';
import type { EquityFiles } from './community-files.js';
import { createLocale, type NumberKind } from './i18n.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-equity-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The marks of the equity sections, each read back from the file it names (community., payerMix., …). */
function equityMarks(html: string) {
  return marks(html).filter((m) => m.field && /^(community|payerMix|workforce)\./.test(m.field));
}

const section = (html: string, id: string): string =>
  new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';

describe('equity sections in the report', () => {
  it('shows who we serve, payer mix and workforce with every number equal to its file', async () => {
    const eq = fixtureEquity();
    const html = await buildReport(fixtureResults(), { audience: 'internal', lang: 'en', equity: eq });
    for (const [id, title] of [
      ['community', 'Who we serve'],
      ['payer-mix', 'Payer mix'],
      ['workforce', 'Workforce'],
    ])
      expect(html).toContain(`<li><a href="#${id}">${title}</a></li>`);
    const loc = createLocale('en');
    const all = equityMarks(html);
    expect(all.length).toBeGreaterThan(300);
    for (const m of all) {
      const want = m.field!.endsWith('.length')
        ? (at(eq, m.field!.replace(/\.length$/, '')) as unknown[]).length
        : at(eq, m.field!);
      if (m.value !== '') expect(Number(m.value), m.field).toBe(want);
      expect(m.text, m.field).toBe(loc.format(want as number, m.kind as NumberKind));
    }
    // The lead names the catchment, the flagged units and the planted pay gap (q ≤ 0.05).
    expect(section(html, 'community')).toContain('Cook (17031)');
    const payer = section(html, 'payer-mix');
    expect(payer).toMatch(
      /Lower than expected for their size: Cardiology <small>\(department\)<\/small>, Surgery/,
    );
    expect(payer).toContain('<svg role="img" aria-labelledby="funnel-0-title funnel-0-desc"');
    expect(section(html, 'workforce')).toMatch(
      /Black or African American are paid <data[^>]*>-9\.2%<\/data>/,
    );
    // The formula of the inclusivity score is in the methods.
    expect(section(html, 'methods')).toContain('Inclusivity = 1 − D, where D = ½ Σ |p − c|');
    // Every table has its CSV download.
    for (const id of ['community', 'payer-mix', 'workforce']) {
      const s = section(html, id);
      expect((s.match(/<table/g) ?? []).length, id).toBe((s.match(/data-csv/g) ?? []).length);
    }
  });

  it('in Spanish, from the catalogues', async () => {
    const html = await buildReport(fixtureResults(), {
      audience: 'internal',
      lang: 'es',
      equity: fixtureEquity(),
    });
    expect(html).toContain('<h2>A quién atendemos</h2>');
    expect(html).toContain('<h2>Combinación de pagadores</h2>');
    expect(html).toContain('<h2>Plantilla</h2>');
    expect(section(html, 'payer-mix')).toContain('más baja de lo esperado');
    expect(section(html, 'methods')).toContain('Inclusión = 1 − D');
  });

  it('public: no count under the threshold, and shares that would give one back are withheld', async () => {
    const results = fixtureResults('public');
    const min = Math.max(11, results.settings.suppressionThreshold);
    const eq = fixtureEquity('public');
    const html = await buildReport(results, { audience: 'public', lang: 'en', equity: eq });
    const counts = equityMarks(html).filter((m) =>
      /\.(patients|patients_total|count|employees|total|events)$/.test(m.field!),
    );
    expect(counts.length).toBeGreaterThan(50);
    for (const m of counts) {
      const n = Number(m.value || m.text.replace(/\D/g, ''));
      const limit = m.field!.startsWith('workforce.') ? eq.workforce!.threshold : min;
      expect(n === 0 || n >= limit, `${m.field} = ${n}`).toBe(true);
    }
    // The small department (4 Medicaid patients of 33) is withheld, and one more beside it (the facet's
    // pooled share is shown): its share is not printed.
    const wound = eq.payerMix!.units.findIndex((u) => u.unit === 'Wound Clinic');
    expect(html).not.toContain(`payerMix.units.${wound}.share`);
    const row = /<tr[^>]*><th scope="row">Wound Clinic<\/th>(.*?)<\/tr>/.exec(
      section(html, 'payer-mix'),
    )![1]!;
    expect(row).toContain('withheld');
    expect(row).not.toMatch(/12\.1%/);
    expect((section(html, 'payer-mix').match(/>withheld</g) ?? []).length).toBeGreaterThanOrEqual(2);
    // The workforce section came from the public edition, and says how it was suppressed.
    expect(section(html, 'methods')).toContain('Workforce in the public edition');
  });

  it('refuses a public report with an internal workforce file', async () => {
    const eq: EquityFiles = { workforce: fixtureEquity('internal').workforce! };
    await expect(
      buildReport(fixtureResults('public'), { audience: 'public', lang: 'en', equity: eq }),
    ).rejects.toThrow(/workforce\.public\.json/);
  });

  it('equilens report picks the files up beside the results, or takes them named', async () => {
    const eq = fixtureEquity();
    writeFileSync(join(dir, 'results.json'), JSON.stringify(fixtureResults()));
    writeFileSync(join(dir, 'community.json'), JSON.stringify(eq.community));
    writeFileSync(join(dir, 'elsewhere-payer.json'), JSON.stringify(eq.payerMix));
    const io = captureIO(dir);
    const code = await main(
      [
        'node',
        'equilens',
        'report',
        '--results',
        'results.json',
        '--out',
        'out',
        '--payer-mix',
        'elsewhere-payer.json',
      ],
      io,
    );
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('<section id="community"');
    expect(html).toContain('<section id="payer-mix"');
    expect(html).not.toContain('<section id="workforce"');
    const bad = captureIO(dir);
    expect(
      await main(
        [
          'node',
          'equilens',
          'report',
          '--results',
          'results.json',
          '--out',
          'out',
          '--workforce',
          'community.json',
        ],
        bad,
      ),
    ).not.toBe(0);
    expect(bad.stderr).toMatch(/is not a workforce\.json file/);
  });
});
