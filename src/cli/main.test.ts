import { describe, expect, it } from 'vitest';
import { captureIO } from './io.js';
import { main } from './main.js';
import { VERSION } from '../version.js';

describe('equilens CLI', () => {
  it('prints its version', async () => {
    const io = captureIO();
    expect(await main(['node', 'equilens', '--version'], io)).toBe(0);
    expect(io.stdout.trim()).toBe(VERSION);
  });

  it('gives every subcommand a --help with an example', async () => {
    const io = captureIO();
    await main(['node', 'equilens', '--help'], io);
    const names = [...io.stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]).filter((n) => n !== 'help');
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) {
      const sub = captureIO();
      expect(await main(['node', 'equilens', name!, '--help'], sub)).toBe(0);
      expect(sub.stdout, name).toMatch(/Example:\n {2}\$ equilens /);
    }
  });

  it('exits 1 on a usage error', async () => {
    const io = captureIO();
    expect(await main(['node', 'equilens', '--no-such-option'], io)).toBe(1);
    expect(io.stderr).toMatch(/unknown option/);
  });
});
