/**
 * Golden-file SVG tests in the style of Observable Plot's snapshots (test/plot-snapshot.js): numbers are
 * normalised to 3 decimals. A missing golden file FAILS (it is never written silently) and, like a
 * mismatch, writes `<name>-changed.svg` beside where it belongs: review it and rename it to `<name>.svg`
 * to accept the rendering.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const normaliseSvg = (svg: string): string =>
  svg.replace(/-?\d+\.\d+/g, (n) => String(+Number(n).toFixed(3)));

/** Compare `svg` with `<dir>/<name>.svg`; the outcome of the comparison, for tests of this helper. */
export function checkSvgSnapshot(dir: string, name: string, svg: string): { ok: boolean; message: string } {
  mkdirSync(dir, { recursive: true });
  const golden = join(dir, `${name}.svg`);
  const changed = join(dir, `${name}-changed.svg`);
  const actual = normaliseSvg(svg);
  if (!existsSync(golden)) {
    writeFileSync(changed, actual);
    return {
      ok: false,
      message: `${name}.svg has no golden file: review ${name}-changed.svg and rename it to ${name}.svg to accept it`,
    };
  }
  const expected = readFileSync(golden, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return { ok: true, message: '' };
  }
  writeFileSync(changed, actual);
  return {
    ok: false,
    message: `${name}.svg differs: see ${name}-changed.svg (rename it to ${name}.svg to accept it)`,
  };
}

/** Expect `svg` to match the golden `<dir>/<name>.svg` (see the module comment). */
export function svgSnapshot(dir: string, name: string, svg: string): void {
  const { ok, message } = checkSvgSnapshot(dir, name, svg);
  expect(ok, message).toBe(true);
}
