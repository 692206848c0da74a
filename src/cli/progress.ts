import type { CliIO } from './io.js';

/**
 * A progress bar on stderr, shown only in an interactive terminal and never with --quiet.
 * `update(done, total?)` may be called as often as you like; redraws are throttled.
 */
export interface Progress {
  update(done: number, total?: number): void;
  done(message?: string): void;
}

export function createProgress(io: CliIO, label: string, options: { quiet?: boolean } = {}): Progress {
  const enabled = io.isTTY && !options.quiet;
  let last = 0;
  const draw = (done: number, total?: number): void => {
    const width = 30;
    if (total && total > 0) {
      const frac = Math.min(1, done / total);
      const filled = Math.round(frac * width);
      io.err(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0)}%`);
    } else {
      io.err(`\r${label} ${done.toLocaleString('en-US')}`);
    }
  };
  return {
    update(done, total) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && !(total && done >= total)) return;
      last = now;
      draw(done, total);
    },
    done(message) {
      if (!enabled) return;
      io.err(`\r\x1b[K${message ?? ''}${message ? '\n' : ''}`);
    },
  };
}
