/**
 * The report's layout in Debian's Chromium at a desktop width (1280 px) and a phone's (390 px): nothing
 * scrolls sideways; charts are drawn for the width (shown unscaled, inside the viewport, text at least
 * 11 px as drawn, no label overlapping another); tables scroll inside their box; the council &
 * community summary prints to at most 4 pages; axe-core finds no serious or critical violations; the
 * filter hides other measures and a table downloads as CSV. Screenshots go to a temporary folder, or to
 * docs/screenshots with UPDATE_SCREENSHOTS=1.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEquity } from '../../src/report/__fixtures__/equity.js';
import { fixtureResults } from '../../src/report/__fixtures__/results.js';
import { writeReport } from '../../src/report/index.js';
import { ROOT } from '../support/needs.js';
import { haveChromium, launch } from './inspect-report.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const dir = mkdtempSync(join(tmpdir(), 'equilens-report-layout-'));
const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(dir, 'shots');
const WIDTHS = [1280, 390] as const;
const provenance = { organisation: 'Lakeshore Health', period: { start: '2024-01-01', end: '2025-12-31' } };
let browser: Browser | undefined;

beforeAll(async () => {
  if (haveChromium) browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Layout {
  scrollWidth: number;
  width: number;
  /** The smallest chart text as drawn (its font size times the chart's scale on the page). */
  smallest: number;
  /** The smallest scale a chart is shown at (1 = the size it was drawn; below 1 = shrunk). */
  scale: number;
  /** Charts that reach past the viewport. */
  wide: string[];
  /** Pairs of text in one chart whose boxes overlap (by more than 1 px each way). */
  overlaps: string[];
  tableOverflow: number;
}

/** Layout facts of the page as shown: overflow, chart text as drawn and where it lies, tables wider than their box. */
async function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    let smallest = Infinity;
    let scale = Infinity;
    const wide: string[] = [];
    const overlaps: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('figure.chart > svg')) {
      const box = svg.getBoundingClientRect();
      const vb = svg.viewBox.baseVal;
      if (box.width === 0 || !vb || vb.width === 0) continue;
      const id = svg.getAttribute('aria-labelledby') ?? '';
      const s = box.width / vb.width;
      scale = Math.min(scale, s);
      if (box.left < -0.5 || box.right > innerWidth + 0.5) wide.push(id);
      // Text that is drawn: not hidden by the axis' overlap rule (opacity 0), not empty.
      const texts = [...svg.querySelectorAll('text')].filter(
        (t) =>
          getComputedStyle(t).opacity !== '0' && t.getAttribute('opacity') !== '0' && !!t.textContent?.trim(),
      );
      for (const t of texts) smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * s);
      const boxes = texts.map((t) => t.getBoundingClientRect());
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (dx > 1 && dy > 1)
            overlaps.push(`${id}: "${texts[i]!.textContent}" / "${texts[j]!.textContent}"`);
        }
    }
    // A table wider than its scroll box must be inside one (it scrolls there, not the page).
    const tableOverflow = [...document.querySelectorAll('table')].filter(
      (t) => t.getBoundingClientRect().width > innerWidth && !t.closest('.scroll'),
    ).length;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      width: innerWidth,
      smallest,
      scale,
      wide,
      overlaps,
      tableOverflow,
    };
  });
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { html: string }[] }[] };
    const r = await (
      window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<Result> } }
    ).axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 100)).join(' | ')}`);
  });
}

describe.skipIf(!haveChromium)('report layout in Chromium at 1280 and 390 px', () => {
  const editions = [
    { name: 'full-internal-en', audience: 'internal', lang: 'en', edition: 'full' },
    { name: 'full-public-es', audience: 'public', lang: 'es', edition: 'full' },
    { name: 'summary-public-en', audience: 'public', lang: 'en', edition: 'summary' },
  ] as const;
  for (const e of editions) {
    it(`${e.name}: no sideways scrolling, chart text ≥ 11 px, tables scroll in their box, axe clean`, async () => {
      const file = await writeReport({
        results: fixtureResults(e.audience),
        out: dir,
        audience: e.audience,
        lang: e.lang,
        edition: e.edition,
        file: `${e.name}.html`,
        provenance: { ...provenance, synthetic: true },
      });
      for (const width of WIDTHS) {
        const page = await browser!.newPage({ viewport: { width, height: 900 } });
        try {
          await page.goto(pathToFileURL(file).href);
          // Open every table, as a reader might: the page still must not scroll sideways.
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
          const l = await layout(page);
          expect(l.scrollWidth, `${e.name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(l.width);
          expect(l.tableOverflow).toBe(0);
          if (e.edition === 'full') {
            // Charts are drawn for the width, not a desktop drawing shrunk: shown at their own size, text
            // ≥ 11 px as drawn, inside the viewport, and no label on top of another.
            expect(l.smallest, `${e.name} at ${width} px`).toBeGreaterThanOrEqual(11);
            expect(l.scale, `${e.name} at ${width} px: charts shrunk`).toBeGreaterThan(0.99);
            expect(l.wide, `${e.name} at ${width} px: charts wider than the page`).toEqual([]);
            expect(l.overlaps, `${e.name} at ${width} px: labels overlap`).toEqual([]);
          }
          expect(await axe(page)).toEqual([]);
          await page.screenshot({ path: join(SHOTS, `report-${e.name}-${width}.png`) });
        } finally {
          await page.close();
        }
      }
    }, 120_000);
  }

  it('the council & community summary prints to at most 4 pages, with its equity block', async () => {
    const results = fixtureResults('public');
    // Who we serve / payer mix / workforce: the summary's equity block adds to the pages.
    const eq = fixtureEquity('public');
    const equity = {
      community: join(dir, 'community.json'),
      payerMix: join(dir, 'payer-mix.json'),
      workforce: join(dir, 'workforce.public.json'),
    };
    writeFileSync(equity.community, JSON.stringify(eq.community));
    writeFileSync(equity.payerMix, JSON.stringify(eq.payerMix));
    writeFileSync(equity.workforce, JSON.stringify(eq.workforce));
    const file = await writeReport({
      results,
      out: dir,
      audience: 'public',
      lang: 'en',
      edition: 'summary',
      file: 'summary-print.html',
      provenance,
      equity,
    });
    const page = await browser!.newPage();
    try {
      await page.goto(pathToFileURL(file).href);
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
      expect(pages).toBeGreaterThan(0);
      expect(pages).toBeLessThanOrEqual(4);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('Lakeshore Health');
      expect(text).toContain('Measurement period');
      expect(text).toContain('<section id="equity-summary"');
    } finally {
      await page.close();
    }
  }, 60_000);

  it('the filter shows one measure, and a table downloads as CSV with its numbers', async () => {
    const results = fixtureResults('internal');
    const file = await writeReport({ results, out: dir, file: 'filter.html' });
    const page = await browser!.newPage({ acceptDownloads: true });
    try {
      await page.goto(pathToFileURL(file).href);
      const second = results.measures[1]!.id;
      await page.selectOption('#f-measure', second);
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('section.measure')]
          .filter((s) => !(s as HTMLElement).hidden)
          .map((s) => s.id),
      );
      expect(shown).toEqual([`m-${second}`]);
      await page.selectOption('#f-measure', '');
      const details = page.locator('section.stratum details.data.groups').first();
      await details.locator('summary').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        details.locator('button[data-csv]').click(),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8');
      const lines = csv.replace(/^\ufeff/, '').split('\r\n');
      expect(lines[0]).toMatch(/^Group,Events,People,Rate/);
      // One line per group, as the table shows it (counts without thousands separators in the quoted cell).
      const s0 = results.measures[0]!.strata[0]!;
      expect(lines.length).toBe(s0.groups.length + 1);
      const g = s0.groups.find((x) => !x.suppressed && x.numerator !== null)!;
      const row = lines.find((l) => l.startsWith(`${g.group},`) || l.startsWith(`"${g.group}"`))!;
      expect(row).toContain(`,${g.numerator},`);
    } finally {
      await page.close();
    }
  }, 60_000);
});
