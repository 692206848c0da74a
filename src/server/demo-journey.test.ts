/**
 * `equilens demo --serve` end to end: the CLI builds the demo, fills the demo organisation and serves it; in
 * Chromium each printed demo role signs in and sees what its role may see and nothing more — the navigation
 * shows exactly the pages the permission table allows, every other page answers 403 (or sends the public
 * to sign in), small counts are hidden from all but staff, and the department champion sees only their
 * unit's breakdown. Each role's API token works as the same role. axe on every page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, haveChromium, ROOT } from '../../test/support/needs.js';
import { can, ROLES, type Role, type Viewer } from './permissions.js';
import { routes } from './routes.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The pages a role might reach, with the navigation label that links to each (if any). */
const PAGES: { path: string; nav?: string }[] = [
  { path: '/dashboard', nav: 'Dashboard' },
  { path: '/analyses', nav: 'Analyses' },
  { path: '/organisation', nav: 'Organisation' },
  { path: '/inventory', nav: 'Algorithms' },
  { path: '/people', nav: 'People' },
  { path: '/audit', nav: 'Audit log' },
  { path: '/community', nav: 'Who we serve' },
  { path: '/payer-mix', nav: 'Payer mix' },
  { path: '/workforce', nav: 'Workforce' },
  { path: '/map', nav: 'Map' },
  { path: '/equity', nav: 'Import equity results' },
];
const actionOf = (path: string) =>
  routes({ setup: { token: undefined } }).find((r) => r.method === 'GET' && r.path === path)!.action;

interface Printed {
  url: string;
  accounts: { role: Role; username: string; password: string; token: string }[];
  champion: string[];
}

function parse(text: string): Printed {
  const url = /Demo workspace: (\S+)/.exec(text)![1]!;
  const accounts = [...text.matchAll(/^ {2}(\w+): username (\S+) password (\S+) token (\S+)$/gm)].map(
    (m) => ({
      role: m[1] as Role,
      username: m[2]!,
      password: m[3]!,
      token: m[4]!,
    }),
  );
  const champion = /champion sees (.+)\.$/m.exec(text)?.[1]?.split(', ') ?? [];
  return { url, accounts, champion };
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const v = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(): Promise<{ violations: { id: string; impact: string | null }[] }> };
    };
    return (await w.axe.run()).violations;
  });
  return v
    .filter((x) => x.impact === 'serious' || x.impact === 'critical')
    .map((x) => `${page.url()}: ${x.id}`);
}

describe.skipIf(!haveChromium())('equilens demo --serve', () => {
  const out = mkdtempSync(join(tmpdir(), 'eq-demo-serve-'));
  let child: ChildProcess;
  let printed: Printed;
  let browser: Browser;

  beforeAll(async () => {
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'test/support/cli-entry.ts'),
        'demo',
        '--serve',
        '--port',
        '0',
        '--patients',
        '2000',
        '--quiet',
        '--out',
        out,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let text = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('Press Ctrl+C')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`demo --serve exited ${code}: ${err}`)));
    });
    printed = parse(text);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(out, { recursive: true, force: true });
  });

  it('prints the URL and a sign-in and an API token for every role', () => {
    expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(printed.accounts.map((a) => a.role).sort()).toEqual([...ROLES].sort());
    expect(printed.accounts.every((a) => a.token.startsWith('eqt_'))).toBe(true);
  });

  it('each role sees what it may see and nothing more', async () => {
    const wrong: string[] = [];
    const violations: string[] = [];
    const viewers: (Viewer | 'public')[] = [...ROLES, 'public'];
    for (const v of viewers) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(printed.url);
      if (v !== 'public') {
        const a = printed.accounts.find((x) => x.role === v)!;
        await page.getByRole('link', { name: 'Sign in' }).click();
        await page.getByLabel('Username').fill(a.username);
        await page.getByLabel('Password').fill(a.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(printed.url);
      }
      const nav = page.getByRole('navigation');
      for (const p of PAGES) {
        const allowed = can(v, actionOf(p.path));
        if (
          p.nav &&
          (await nav.getByRole('link', { name: p.nav, exact: true }).count()) !== (allowed ? 1 : 0)
        )
          wrong.push(`${v}: navigation ${allowed ? 'lacks' : 'shows'} ${p.nav}`);
      }
      for (const p of PAGES) {
        const allowed = can(v, actionOf(p.path));
        const res = await page.goto(new URL(p.path, printed.url).toString());
        const got = page.url().includes('/login')
          ? 'login'
          : res!.status() === 403
            ? '403'
            : res!.status() === 200
              ? 'allowed'
              : String(res!.status());
        const expected = allowed ? 'allowed' : v === 'public' ? 'login' : '403';
        if (got !== expected) wrong.push(`${v}: ${p.path} expected ${expected}, got ${got}`);
        violations.push(...(await axe(page)));
      }
      // The demo's equity results were imported: staff see the internal edition, the rest the public one.
      for (const path of ['/community', '/payer-mix', '/workforce']) {
        await page.goto(new URL(path, printed.url).toString());
        const main = (await page.textContent('main'))!;
        const edition = can(v, 'equity.view_internal') ? 'Internal edition' : 'Public edition';
        if (!main.includes(edition)) wrong.push(`${v}: ${path} lacks "${edition}"`);
      }
      await page.goto(new URL('/dashboard', printed.url).toString());
      const hidden = (await page.textContent('main'))!.includes('Small counts are hidden');
      const facets = (await page.locator('#f-facet option').allTextContents()).slice(1).map((x) => x.trim());
      const expectFacets =
        v === 'department_champion'
          ? printed.champion
          : can(v, 'analysis.view_all_units')
            ? facets.length > 1
              ? facets
              : ['(every unit)']
            : [];
      if (JSON.stringify(facets) !== JSON.stringify(expectFacets))
        wrong.push(
          `${v}: unit breakdowns ${JSON.stringify(facets)}, expected ${JSON.stringify(expectFacets)}`,
        );
      if (hidden === can(v, 'analysis.view_unsuppressed'))
        wrong.push(`${v}: small counts ${hidden ? 'hidden' : 'shown'}`);
      await context.close();
    }
    expect(wrong).toEqual([]);
    expect(violations).toEqual([]);
  });

  it("each role's API token acts as that role", async () => {
    for (const a of printed.accounts) {
      const res = await fetch(new URL('/api/v1/users', printed.url), {
        headers: { authorization: `Bearer ${a.token}` },
      });
      expect(res.status, a.role).toBe(can(a.role, 'user.manage') ? 200 : 403);
    }
  });
});
