/**
 * Test helper: a small tmpfs mounted for one test, to make a real full (or read-only) disk. Mounting needs
 * root (CI runs as root on the same kind of machine, so there a refused mount fails the test); elsewhere
 * the test is skipped with a message.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { need } from './needs.js';

export interface Tmpfs {
  dir: string;
  /** Remount read-only (or back). */
  remount(readOnly: boolean): void;
  unmount(): void;
}

/** Mount a tmpfs of `size` (e.g. '2m'), or return undefined (skip; fail under CI=true when root). */
export function mountTmpfs(size: string): Tmpfs | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const root = process.getuid?.() === 0;
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    if (root) need(false, 'mounting a tmpfs', `run as root with mount permitted (${why})`);
    else console.warn(`skipping tests that need a tmpfs mount: run as root (${why})`);
    return undefined;
  }
  return {
    dir,
    remount: (readOnly) =>
      execFileSync('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir], { stdio: 'pipe' }),
    unmount: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
