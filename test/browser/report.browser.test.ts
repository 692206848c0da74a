import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureResults } from '../../src/report/__fixtures__/results.js';
import { writeReport } from '../../src/report/index.js';

const CHROMIUM = '/usr/bin/chromium';
const have = existsSync(CHROMIUM);
if (!have) console.warn(`skipping browser tests: ${CHROMIUM} not found (apt-get install -y chromium)`);
const dir = mkdtempSync(join(tmpdir(), 'equilens-report-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!have)('report.html in Chromium', () => {
  it('shows findings, charts and tables, and axe finds no serious or critical violations', async () => {
    const file = await writeReport({ results: fixtureResults(), out: dir });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      expect(await page.locator('ol li').count()).toBeGreaterThan(0);
      expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(0);
      expect(await page.locator('table caption').count()).toBeGreaterThan(0);
      await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
      const impacts = await page.evaluate(async () => {
        const r = await (
          window as unknown as {
            axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> };
          }
        ).axe.run();
        return r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id}: ${JSON.stringify((v as unknown as { nodes: { html: string }[] }).nodes.map((n) => n.html.slice(0, 80)))}`,
          );
      });
      expect(impacts).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
