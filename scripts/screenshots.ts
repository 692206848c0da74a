/**
 * Screenshots of the report for the docs: the first page and one measure page, in English and Spanish,
 * rendered by headless Chromium from the realistic fixture. Run: `npx tsx scripts/screenshots.ts`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { fixtureResults } from '../src/report/__fixtures__/results.js';
import { writeReport } from '../src/report/index.js';

const OUT = 'docs/screenshots';
const MEASURE = 'bp_control';

async function run(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'equilens-shots-'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
      '--no-first-run',
    ],
  });
  try {
    for (const lang of ['en', 'es'] as const) {
      const file = await writeReport({
        results: fixtureResults(),
        out: tmp,
        lang,
        file: `report-${lang}.html`,
      });
      const page = await browser.newPage({ viewport: { width: 1200, height: 1500 }, deviceScaleFactor: 1 });
      await page.goto(pathToFileURL(file).href);
      await page.screenshot({ path: `${OUT}/report-first-page-${lang}.png` });
      // One measure page: its header and first stratifier (chart, key, gap trend, summary measures).
      const box = await page.evaluate((id) => {
        const section = document.getElementById(`m-${id}`)!;
        const first = section.querySelector('.stratum')!;
        const top = section.getBoundingClientRect().top + window.scrollY;
        const bottom = first.getBoundingClientRect().bottom + window.scrollY;
        return { top, height: bottom - top + 24 };
      }, MEASURE);
      await page.screenshot({
        path: `${OUT}/report-measure-${lang}.png`,
        fullPage: true,
        clip: { x: 0, y: box.top, width: 1200, height: box.height },
      });
      await page.close();
      console.log(`wrote ${OUT}/report-first-page-${lang}.png and ${OUT}/report-measure-${lang}.png`);
    }
  } finally {
    await browser.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await run();
