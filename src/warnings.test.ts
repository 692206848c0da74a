import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WARNING_CODE_LIST, WARNING_CODES, isWarningCode } from './warnings.js';

const SRC = import.meta.dirname;
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__fixtures__' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && p !== join(SRC, 'warnings.ts')
      ? [p]
      : [];
  });

describe('the warning catalogue', () => {
  const text = sources(SRC).map((f) => readFileSync(f, 'utf8'));

  it('lists only codes that src emits (each appears as a quoted literal outside the catalogue)', () => {
    const unused = WARNING_CODE_LIST.filter((c) => !text.some((t) => t.includes(`'${c}'`)));
    expect(unused).toEqual([]);
  });

  it('gives every code a one-line meaning that ends in a full stop', () => {
    for (const [code, meaning] of Object.entries(WARNING_CODES)) {
      expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(meaning, code).toMatch(/^[A-Z\w"'].*\.$/);
      expect(meaning.includes('\n'), code).toBe(false);
    }
  });

  it('recognises its codes and nothing else', () => {
    expect(isWarningCode('small_cells_suppressed')).toBe(true);
    expect(isWarningCode('toString')).toBe(false);
  });
});
