/**
 * The equity sections (who we serve, payer mix, workforce) in Debian's Chromium, from fixture files made by
 * the commands' own functions (src/report/__fixtures__/equity.ts): at 1280 and 390 px with every box open
 * nothing scrolls sideways, chart text is at least 11 px as drawn, tables scroll inside their box, axe-core
 * finds no serious or critical violations; closed, the sections add little height; a table downloads as CSV.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEquity, withCounty } from '../../src/report/__fixtures__/equity.js';
import { fixtureResults } from '../../src/report/__fixtures__/results.js';
import { buildReport } from '../../src/report/index.js';
import { writeFileSync } from 'node:fs';
import { haveChromium, launch } from './inspect-report.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const dir = mkdtempSync(join(tmpdir(), 'equilens-report-equity-'));
let browser: Browser | undefined;

beforeAll(async () => {
  if (haveChromium) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function write(audience: 'internal' | 'public', lang: 'en' | 'es', name: string): Promise<string> {
  const eq = fixtureEquity(audience);
  // As from an SVI community source: the catchment county's SVI, drawn beside the measure's map.
  const community = eq.community && {
    ...eq.community,
    areas: [{ area: '17031', name: 'Cook County, Illinois', svi: 0.816 }],
  };
  const html = await buildReport(withCounty(fixtureResults(audience)).results, {
    audience,
    lang,
    equity: { ...eq, ...(community ? { community } : {}) },
  });
  const file = join(dir, name);
  writeFileSync(file, html);
  return file;
}

describe.skipIf(!haveChromium)('equity sections in Chromium', () => {
  for (const [audience, lang] of [
    ['internal', 'en'],
    ['public', 'es'],
  ] as const) {
    it(`${audience} ${lang}: no sideways scroll, chart text ≥ 11 px, axe clean, compact when closed`, async () => {
      const file = await write(audience, lang, `equity-${audience}-${lang}.html`);
      for (const width of [1280, 390]) {
        const page = await browser!.newPage({ viewport: { width, height: 900 } });
        try {
          await page.goto(pathToFileURL(file).href);
          const closed = await page.evaluate(() =>
            ['community', 'payer-mix', 'workforce'].map(
              (id) => document.getElementById(id)!.getBoundingClientRect().height,
            ),
          );
          // Closed, each section is its heading, a lead paragraph and a few one-line summaries.
          for (const h of closed) expect(h, `${width} px`).toBeLessThan(width === 390 ? 900 : 450);
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
          // The county map is there, in its own scroll box (drawn at its width rather than with tiny text).
          expect(await page.locator('#community .scroll svg[aria-labelledby="map-title"]').count()).toBe(1);
          expect(await page.locator('#community .scroll svg[aria-labelledby="svi-map-title"]').count()).toBe(
            1,
          );
          const l = await page.evaluate(() => {
            let smallest = Infinity;
            for (const svg of document.querySelectorAll<SVGSVGElement>('section.equity figure.chart svg')) {
              const box = svg.getBoundingClientRect();
              const scale = box.width / svg.viewBox.baseVal.width;
              for (const t of svg.querySelectorAll('text')) {
                if (t.getAttribute('opacity') === '0' || !t.textContent?.trim()) continue;
                smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
              }
            }
            const overflow = [...document.querySelectorAll('section.equity table')].filter(
              (t) => t.getBoundingClientRect().width > innerWidth && !t.closest('.scroll'),
            ).length;
            return {
              scrollWidth: document.documentElement.scrollWidth,
              width: innerWidth,
              smallest,
              overflow,
            };
          });
          expect(l.scrollWidth, `${width} px scrolls sideways`).toBeLessThanOrEqual(l.width);
          expect(l.overflow).toBe(0);
          expect(l.smallest).toBeGreaterThanOrEqual(11);
          expect(l.smallest).toBeLessThan(Infinity);
          await page.addScriptTag({ path: AXE });
          const violations = await page.evaluate(async () => {
            type R = { violations: { id: string; impact: string; nodes: { html: string }[] }[] };
            const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<R> } }).axe;
            const r = await axe.run(
              { include: [['#community'], ['#payer-mix'], ['#workforce'], ['nav.toc']] },
              {
                resultTypes: ['violations'],
              },
            );
            return r.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 100)).join(' | ')}`);
          });
          expect(violations).toEqual([]);
        } finally {
          await page.close();
        }
      }
    }, 120_000);
  }

  it('the jump menu reaches the sections, and the funnel table downloads as CSV', async () => {
    const file = await write('internal', 'en', 'equity-csv.html');
    const page = await browser!.newPage({ acceptDownloads: true });
    try {
      await page.goto(pathToFileURL(file).href);
      await page.click('nav.toc a[href="#payer-mix"]');
      expect(page.url()).toMatch(/#payer-mix$/);
      const box = page.locator('#payer-mix details.equity-chart').first();
      await box.locator('summary').first().click();
      const data = box.locator('details.data').first();
      await data.locator('summary').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        data.locator('button[data-csv]').click(),
      ]);
      const lines = readFileSync((await download.path())!, 'utf8')
        .replace(/^\ufeff/, '')
        .split('\r\n');
      expect(lines[0]).toMatch(/^department,Patients,Medicaid or uninsured,Pooled share/);
      const units = fixtureEquity().payerMix!.units.filter((u) => u.facet === 'department');
      expect(lines.length).toBe(units.length + 1);
      const cardiology = units.find((u) => u.unit === 'Cardiology')!;
      expect(lines.find((l) => l.startsWith('Cardiology,'))).toContain(`,${cardiology.patients},`);
    } finally {
      await page.close();
    }
  }, 60_000);
});
