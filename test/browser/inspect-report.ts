/**
 * Shared by the browser tests: open a report in Debian's Chromium, check what a reader needs (findings,
 * charts with text alternatives, tables one click away, printing, no network) and run axe-core.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { expect } from 'vitest';

import { CHROMIUM, haveChromium as needChromium } from '../support/needs.js';

export { CHROMIUM };
export const haveChromium = needChromium();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
      '--no-first-run',
    ],
  });
}

export interface InspectOptions {
  /** Expect key findings on the front page. */
  findings: boolean;
  /** Print to PDF too (slow on very large reports). Default true. */
  pdf?: boolean;
  /** Scan only the front matter, the first measure and the methods: a large report's other measures are
   * built by the same code, which the fixture test scans in full. Default false: scan everything. */
  sample?: boolean;
}

/** Returns the serious and critical axe violations (empty when the page is fine). */
export async function inspectReport(browser: Browser, file: string, opts: InspectOptions): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  try {
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('h1').innerText()).toMatch(/\w/);
    if (opts.findings) {
      expect(await page.locator('ol.findings li.finding').count()).toBeGreaterThan(0);
      expect(await page.locator('li.finding .sentence').first().innerText()).toMatch(/\d.*%.*\d.*%/);
    }
    const charts = page.locator('figure.chart svg[role="img"]');
    expect(await charts.count()).toBeGreaterThan(0);
    const label = await charts
      .first()
      .evaluate((svg) =>
        (svg.getAttribute('aria-labelledby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? ''),
      );
    expect(label.length).toBe(2);
    expect(label.every((t) => t.length > 10)).toBe(true);
    // The data table is one click away.
    const details = page.locator('details.data').first();
    expect(await details.locator('table').isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.locator('table').isVisible()).toBe(true);
    expect(await page.locator('table caption').count()).toBeGreaterThan(3);
    // Printing shows the tables without clicking, and the page prints to PDF.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('details.data').nth(1).locator('table').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    if (opts.pdf !== false) expect((await page.pdf({ format: 'A4' })).length).toBeGreaterThan(20_000);
    expect(requests).toEqual([]);
    await page.addScriptTag({ path: AXE });
    const first = await page.locator('section.measure').first().getAttribute('id');
    const include = opts.sample
      ? ['header', 'nav', '#findings', '#glance', '#quality', `#${first ?? 'none'}`, '#methods'].map((x) => [
          x,
        ])
      : null;
    return await page.evaluate(async (include) => {
      type Result = { violations: { id: string; impact: string; nodes: { html: string }[] }[] };
      type Axe = { run: (context: unknown, options: unknown) => Promise<Result> };
      const axe = (window as unknown as { axe: Axe }).axe;
      const r = await axe.run(include ? { include } : document, { resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 100)).join(' | ')}`);
    }, include);
  } finally {
    await page.close();
  }
}
