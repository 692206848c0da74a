/**
 * The report in a real browser (Debian's Chromium driven by playwright-core), built from the realistic
 * fixture: findings, charts and tables are there, the tables open, nothing is fetched from the network, it
 * prints, and axe-core finds no serious or critical accessibility violations. The same checks run on the
 * output of `equilens demo` in test/demo/demo.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureResults } from '../../src/report/__fixtures__/results.js';
import { writeReport } from '../../src/report/index.js';
import { haveChromium, inspectReport, launch } from './inspect-report.js';

const dir = mkdtempSync(join(tmpdir(), 'equilens-report-browser-'));
let browser: Browser | undefined;
beforeAll(async () => {
  if (haveChromium) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!haveChromium)('report.html in Chromium', () => {
  for (const [audience, lang] of [
    ['internal', 'en'],
    ['public', 'es'],
  ] as const) {
    it(`${audience} ${lang}: findings, charts, tables; no network; prints; no serious axe violations`, async () => {
      const file = await writeReport({
        results: fixtureResults(audience),
        out: dir,
        audience,
        lang,
        file: `${audience}-${lang}.html`,
      });
      expect(await inspectReport(browser!, file, { findings: true })).toEqual([]);
    }, 60_000);
  }
});
