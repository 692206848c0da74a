import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wantsJson } from './error-output.js';
import { EXIT_CODES } from './exit-codes.js';
import { captureIO } from './io.js';
import { main } from './main.js';

const run = async (args: string[], cwd = process.cwd()) => {
  const io = captureIO(cwd);
  const code = await main(['node', 'equilens', ...args], io);
  return { code, ...io };
};

/** stderr must be exactly one JSON object with the documented shape. */
const parseError = (stderr: string) => {
  const parsed = JSON.parse(stderr) as {
    error: { code: string; message: string; exitCode: number; details: Record<string, unknown> };
  };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(typeof parsed.error.message).toBe('string');
  expect(typeof parsed.error.details).toBe('object');
  return parsed.error;
};

describe('errors a script can read (--format json)', () => {
  it('detects --format json in every spelling', () => {
    expect(wantsJson(['analyze', '--format', 'json'])).toBe(true);
    expect(wantsJson(['analyze', '-f', 'json'])).toBe(true);
    expect(wantsJson(['analyze', '--format=json'])).toBe(true);
    expect(wantsJson(['analyze', '--format', 'table'])).toBe(false);
    expect(wantsJson(['rates', '--', '--format', 'json'])).toBe(false);
  });

  it('writes a missing config as JSON on stderr with exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eq-json-'));
    const r = await run(['analyze', '--config', 'nope.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const e = parseError(r.stderr);
    expect(e.code).toBe('not_found');
    expect(e.exitCode).toBe(1);
    expect(e.details.fix).toMatch(/equilens init/);
  });

  it('writes a config error with its line as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eq-json-'));
    writeFileSync(join(dir, 'equilens.yaml'), 'project: { name: x }\nsources: [\n');
    const r = await run(['analyze', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const e = parseError(r.stderr);
    expect(e.code).toBe('invalid_config');
    expect(e.details.line).toBeGreaterThan(0);
  });

  it('writes a usage error as JSON, without commander’s plain text', async () => {
    const r = await run(['rates', '--no-such-option', '--format', 'json']);
    expect(r.code).toBe(1);
    const e = parseError(r.stderr);
    expect(e.code).toBe('usage');
    expect(e.message).toMatch(/Unknown option '--no-such-option'/);
  });

  it('keeps plain text without --format json', async () => {
    const r = await run(['analyze', '--config', '/nonexistent/equilens.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^equilens: .*not found/);
  });

  it('maps every error code to a documented exit code', () => {
    for (const [code, exit] of Object.entries(EXIT_CODES)) expect([1, 2], code).toContain(exit);
  });
});

describe('-q/--quiet', () => {
  it('is accepted by every command', async () => {
    const io = captureIO();
    await main(['node', 'equilens', '--help'], io);
    const names = [...io.stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]!).filter((n) => n !== 'help');
    for (const name of names) {
      const sub = await run([name, '--help']);
      expect(sub.stdout, name).toMatch(/-q, --quiet/);
    }
  });
});
