/**
 * The README is tested (issue #13 item 1): every shell block of its "Quick start" and "Your own data"
 * sections runs, in order, in one empty temporary folder, with the built `bin/equilens.js` standing in for
 * `npx equilens` (the package a user installs runs the same file). A command that exits non-zero fails.
 *
 * Two commands are not run, on purpose: `npm ci` (this checkout is already installed; the packaged
 * install is tested by scripts/pack-install.sh) and `npm test` (it is what runs this test).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { need, ROOT } from '../support/needs.js';

const SECTIONS = ['Quick start', 'Your own data'];
const NOT_RUN: Readonly<Record<string, string>> = {
  'npm ci': 'this checkout is installed already (the packaged install: scripts/pack-install.sh)',
  'npm test': 'it is what runs this test',
};
const BIN = join(ROOT, 'bin', 'equilens.js');

/** The ```sh blocks of a `## title` section, in order. */
export function shellBlocks(markdown: string, title: string): string[] {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** A block's commands: one per line and per `&&`, without the trailing `# comment`. */
export function commands(block: string): string[] {
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#\s.*$/, '').trim())
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((line) => line.split(/\s*&&\s*/));
}

describe('shellBlocks / commands', () => {
  it('reads the blocks of a section and splits && and comments', () => {
    const md = '# T\n\n## A\n\n```sh\nx --y   # note\nnpm ci && z\n```\n\n## B\n\n```sh\nw\n```\n';
    expect(shellBlocks(md, 'A').flatMap(commands)).toEqual(['x --y', 'npm ci', 'z']);
    expect(shellBlocks(md, 'B').flatMap(commands)).toEqual(['w']);
  });
});

const built = existsSync(join(ROOT, 'dist', 'cli', 'main.js'));

describe.skipIf(!need(built, 'the built CLI (dist/)', 'run `npm run build` first'))(
  'README quick start and "Your own data", as written',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'equilens-readme-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const all = SECTIONS.flatMap((s) => shellBlocks(readme, s).flatMap(commands));

    it('has the commands the issue names', () => {
      expect(all).toContain('npx equilens demo');
      expect(all.some((c) => c.startsWith('npx equilens report') && c.includes('--audience public'))).toBe(
        true,
      );
    });

    it('runs every command with exit code 0', { timeout: 900_000 }, () => {
      const ran: string[] = [];
      for (const command of all) {
        if (Object.hasOwn(NOT_RUN, command)) continue;
        const line = command.replace(/^npx equilens\b/, `node ${JSON.stringify(BIN)}`);
        const r = spawnSync('bash', ['-c', line], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
          maxBuffer: 64 * 1024 * 1024,
        });
        expect(r.status, `\`${command}\` failed:\n${r.stderr}\n${r.stdout}`).toBe(0);
        ran.push(command);
      }
      expect(ran.length).toBe(all.length - Object.keys(NOT_RUN).length);
      // What the README promises the commands leave behind.
      for (const f of [
        'equilens-demo/report.html',
        'equilens.yaml',
        'out/results.json',
        'out/results.public.json',
        'out/report.html',
        'out/report-public.html',
      ])
        expect(existsSync(join(dir, f)), f).toBe(true);
    });
  },
);
