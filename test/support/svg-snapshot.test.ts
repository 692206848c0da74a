import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSvgSnapshot } from './svg-snapshot.js';

describe('SVG golden files', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'svg-snap-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a missing golden file fails and writes <name>-changed.svg, not the golden file', () => {
    const r = checkSvgSnapshot(dir, 'a', '<svg x="1.23456"/>');
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/no golden file/);
    expect(existsSync(join(dir, 'a.svg'))).toBe(false);
    expect(readFileSync(join(dir, 'a-changed.svg'), 'utf8')).toBe('<svg x="1.235"/>');
  });

  it('a changed rendering fails and writes <name>-changed.svg; a match removes it', () => {
    writeFileSync(join(dir, 'b.svg'), '<svg x="1"/>');
    expect(checkSvgSnapshot(dir, 'b', '<svg x="2"/>').ok).toBe(false);
    expect(readFileSync(join(dir, 'b-changed.svg'), 'utf8')).toBe('<svg x="2"/>');
    expect(checkSvgSnapshot(dir, 'b', '<svg x="1"/>').ok).toBe(true);
    expect(existsSync(join(dir, 'b-changed.svg'))).toBe(false);
  });
});
