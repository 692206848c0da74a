/** Screenshots of the report (first page + a measure) in English and Spanish: `npx tsx scripts/screenshots.ts`. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { fixtureResults } from '../src/report/__fixtures__/results.js';
import { writeReport } from '../src/report/index.js';

async function run(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  for (const lang of ['en', 'es'] as const) {
    const file = await writeReport({
      results: fixtureResults(),
      out: mkdtempSync(join(tmpdir(), 'eq-shot-')),
      lang,
    });
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: `docs/screenshots/report-first-page-${lang}.png` });
    await page
      .locator('section.measure')
      .first()
      .screenshot({ path: `docs/screenshots/report-measure-${lang}.png` });
  }
  await browser.close();
}
void run();
