/**
 * The equity pages in Debian's Chromium: an analyst imports a payer-mix.json through the form, then "Who we
 * serve", "Payer mix" and "Workforce" are filtered without JavaScript (GET form, then with it), a table is
 * downloaded, and a council member sees the public edition — axe on every page (no serious or critical
 * violations), and no sideways scrolling at 390 px.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, haveChromium } from '../../test/support/needs.js';
import { fixtureResults } from '../report/__fixtures__/results.js';
import { createUser, openStore, saveAnalysis, saveEquityResult, type Store } from '../store/index.js';
import { communityFixture, payerMixFixture, workforceFixture } from './__fixtures__/equity.js';
import { hashPassword } from './auth/passwords.js';
import { editions } from './equity-import.js';
import { startServer, type RunningServer } from './serve.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PASSWORD = 'correct horse battery';

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const v = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(): Promise<{
          violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
        }>;
      };
    };
    return (await w.axe.run()).violations;
  });
  return v
    .filter((x) => x.impact === 'serious' || x.impact === 'critical')
    .map((x) => `${page.url()}: ${x.id} at ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!haveChromium())('equity pages in a browser', () => {
  let browser: Browser;
  let server: RunningServer;
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'eq-equity-journey-'));
  const violations: string[] = [];
  const narrow: string[] = [];

  beforeAll(async () => {
    store = await openStore();
    const hash = await hashPassword(PASSWORD);
    for (const role of ['analyst', 'council_member'] as const)
      await createUser(store.db, 't', { username: role, displayName: role, role, passwordHash: hash });
    for (const [kind, doc] of [
      ['community', communityFixture()],
      ['workforce', workforceFixture()],
    ] as const) {
      const e = editions(kind, { internal: doc });
      await saveEquityResult(store.db, 't', { kind, title: kind, ...e });
    }
    writeFileSync(join(dir, 'payer-mix.json'), JSON.stringify(payerMixFixture()));
    const results = fixtureResults();
    const race = results.measures[0]!.strata.find((x) => x.stratifier === 'race_ethnicity' && !x.facet)!;
    const fips = ['06001', '06013', '06075', '06081', '06085', '06087', '06097', '06041'];
    results.measures[0]!.strata.push({
      ...race,
      stratifier: 'county',
      groups: race.groups.map((g, i) => ({ ...g, group: fips[i % fips.length]! })),
    });
    await saveAnalysis(store.db, 't', 'With counties', results);
    server = await startServer({ workspace: dir, port: 0, store });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function visit(page: Page): Promise<void> {
    violations.push(...(await axe(page)));
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 844 });
    if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1))
      narrow.push(page.url());
    violations.push(...(await axe(page)));
    await page.setViewportSize(size);
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(new URL('/login', server.url).toString());
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(server.url);
  }

  it('analyst: import, filter, download; council: the public edition', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, 'analyst');
    await page.getByRole('navigation').getByRole('link', { name: 'Import equity results' }).click();
    await visit(page);
    await page.getByLabel('Kind').selectOption('payer_mix');
    await page.getByLabel('Title').fill('Payer mix 2025');
    await page.getByLabel('Result file').setInputFiles(join(dir, 'payer-mix.json'));
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForURL(/\/payer-mix\?id=/);
    expect(await page.textContent('main')).toContain('Cardiology (lower than expected)');
    await visit(page);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV' }).nth(1).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('units.csv');
    expect(readFileSync((await file.path())!, 'utf8')).toContain('department,Cardiology,1200,100,');

    await page.getByRole('navigation').getByRole('link', { name: 'Who we serve' }).click();
    await visit(page);
    // With JavaScript, the filters submit on change.
    await page.getByLabel('Department, site or clinician group').selectOption('department:Emergency');
    await page.waitForURL(/unit=department%3AEmergency/);
    expect(await page.textContent('main')).toContain('department: Emergency');
    await visit(page);

    await page.getByRole('navigation').getByRole('link', { name: 'Workforce' }).click();
    await visit(page);
    expect(await page.locator('svg[role=img]').count()).toBeGreaterThanOrEqual(3);
    await page.getByRole('navigation').getByRole('link', { name: 'Map' }).click();
    expect(await page.textContent('main')).toContain('by county');
    await visit(page);
    await context.close();

    // Without JavaScript: the Show button submits the same GET form.
    const plain = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
    });
    const p2 = await plain.newPage();
    await signIn(p2, 'council_member');
    await p2.goto(new URL('/workforce', server.url).toString());
    expect(await p2.textContent('main')).toContain('Public edition');
    await p2.getByLabel('Attribute').selectOption('sex');
    await p2.getByRole('button', { name: 'Show' }).click();
    await p2.waitForURL(/attribute=sex/);
    expect(await p2.textContent('main')).toContain('Pay gap: sex');
    await p2.goto(new URL('/community?unit=department:Clinic', server.url).toString());
    expect(await p2.textContent('main')).toContain('withheld');
    await plain.close();

    expect(violations).toEqual([]);
    expect(narrow).toEqual([]);
  }, 120_000);
});
