/**
 * Whole journeys in Debian's Chromium (Playwright-core): set up the first administrator, sign out and in,
 * import an analysis, filter the dashboard, download a table, switch to Spanish; invite a community member
 * who accepts; one journey with the keyboard only — with axe-core on every page (no serious or critical
 * violations) and screenshots at desktop width and 390 px. Screenshots go to a temporary folder unless
 * `UPDATE_SCREENSHOTS=1`, which rewrites docs/screenshots/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, haveChromium, ROOT } from '../../test/support/needs.js';
import { fixtureResults } from '../report/__fixtures__/results.js';
import { openStore, type Store } from '../store/index.js';
import { startServer, type RunningServer } from './serve.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(ROOT, 'docs', 'screenshots')
    : mkdtempSync(join(tmpdir(), 'eq-shots-'));
const PASSWORD = 'correct horse battery';

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const v = await page.evaluate(async () => {
    const r = await (
      window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
    ).axe.run();
    return r.violations;
  });
  return v
    .filter((x) => x.impact === 'serious' || x.impact === 'critical')
    .map((x) => `${page.url()}: ${x.id} at ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!haveChromium())('browser journeys', () => {
  let browser: Browser;
  let server: RunningServer;
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'eq-journey-'));
  const violations: string[] = [];

  beforeAll(async () => {
    store = await openStore();
    server = await startServer({ workspace: dir, port: 0, store });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
    if (process.env.UPDATE_SCREENSHOTS !== '1') rmSync(SHOTS, { recursive: true, force: true });
  });

  async function visit(page: Page, shot?: string): Promise<void> {
    violations.push(...(await axe(page)));
    if (!shot) return;
    await page.screenshot({ path: join(SHOTS, `${shot}-desktop.png`), fullPage: false });
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(overflow, `${shot} scrolls sideways at 390 px`).toBe(false);
    await page.screenshot({ path: join(SHOTS, `${shot}-390.png`), fullPage: false });
    await page.setViewportSize(size);
  }

  it('set-up → sign out → sign in → import → dashboard → download → Spanish', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(server.setupUrl!);
    await visit(page, 'setup');
    await page.getByLabel('Your name').fill('Ada Admin');
    await page.getByLabel('Username').fill('ada');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await expect.poll(() => page.textContent('main')).toContain('Signed in as Ada Admin');
    await visit(page, 'home');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await visit(page, 'login');
    await page.getByLabel('Username').fill('ada');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Analyses' }).click();

    const file = join(dir, 'results.json');
    writeFileSync(file, JSON.stringify(fixtureResults()));
    await page.getByLabel('Title').first().fill('Fixture quarter');
    await page.getByLabel('results.json').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForURL(/\/dashboard\?analysis=/);
    const analysisId = new URL(page.url()).searchParams.get('analysis')!;
    await visit(page, 'dashboard');

    const measure = fixtureResults().measures[1]!;
    await page.getByLabel('Measure', { exact: true }).selectOption(measure.id);
    await page.waitForURL(new RegExp(`measure=${measure.id}`));
    expect(await page.textContent('main')).toContain(measure.title);
    await visit(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('measure');

    await page.getByRole('button', { name: 'Español' }).click();
    await expect.poll(() => page.textContent('h1')).toBe('Panel');
    await page.goto(server.url);
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await visit(page, 'home-es');
    await page.getByRole('link', { name: 'Registro de auditoría' }).click();
    await visit(page, 'audit');
    await page.getByRole('link', { name: 'Historial' }).click();
    await visit(page, 'history');
    await page.goto(`${server.url}compare?a=${analysisId}&b=${analysisId}`);
    expect(await page.locator('main table tbody tr').count()).toBeGreaterThan(1);
    await visit(page, 'compare');
    await context.close();
    expect(violations).toEqual([]);
  });

  it('an administrator invites a community member, who accepts and is signed in', async () => {
    const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await admin.newPage();
    await page.goto(`${server.url}login`);
    await page.getByLabel('Username').fill('ada');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'People' }).click();
    await visit(page, 'people');
    await page.getByLabel('Your name').fill('Rosa Community');
    await page.getByLabel('Role').selectOption('community_member');
    await page.getByRole('button', { name: 'Make an invite link' }).click();
    const link = (await page.locator('main code').textContent())!.trim();
    expect(link).toMatch(/\/invite\//);
    await visit(page, 'invite-made');
    await admin.close();

    const guest = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const g = await guest.newPage();
    await g.goto(link);
    await visit(g, 'invite');
    await g.getByRole('button', { name: 'Join the workspace' }).click();
    await expect
      .poll(() => g.textContent('main'))
      .toContain('Signed in as Rosa Community (community member)');
    expect(await g.getByRole('link', { name: 'People' }).count()).toBe(0);
    await visit(g);
    await guest.close();

    const again = await browser.newContext();
    const p2 = await again.newPage();
    const res = await p2.goto(link);
    expect(res?.status()).toBe(410);
    expect(await p2.textContent('main')).toContain('already been used');
    await visit(p2);
    await again.close();
    expect(violations).toEqual([]);
  });

  it('signs in and reaches the dashboard with the keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}login`);
    const focus = () =>
      page.evaluate(
        () => document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent?.trim(),
      );
    await page.keyboard.press('Tab');
    expect(await focus()).toBe('Skip to content');
    for (let i = 0; i < 12 && (await focus()) !== 'username'; i++) await page.keyboard.press('Tab');
    await page.keyboard.type('ada');
    await page.keyboard.press('Tab');
    expect(await focus()).toBe('password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(server.url);
    for (let i = 0; i < 12 && (await focus()) !== 'Dashboard'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard/);
    violations.push(...(await axe(page)));
    // Choose another measure with the arrow keys: the filter form submits itself (or with Enter on Show).
    const measure = fixtureResults().measures[1]!;
    for (let i = 0; i < 20 && (await focus()) !== 'measure'; i++) await page.keyboard.press('Tab');
    expect(await focus()).toBe('measure');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(new RegExp(`measure=${measure.id}`));
    expect(await page.textContent('main')).toContain(measure.title);
    // Download the table from the keyboard.
    for (let i = 0; i < 30 && (await focus()) !== 'CSV'; i++) await page.keyboard.press('Tab');
    expect(await focus()).toBe('CSV');
    violations.push(...(await axe(page)));
    expect(violations).toEqual([]);
    await context.close();
  });
});
