import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLocale, LANGS } from './i18n.js';
import en from './i18n/en.json' with { type: 'json' };
import es from './i18n/es.json' with { type: 'json' };

const here = fileURLToPath(new URL('.', import.meta.url));
const source = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(here + f, 'utf8'))
  .join('\n');

describe('message catalogues', () => {
  it('ship English and Spanish with the same keys and placeholders', () => {
    expect(LANGS).toEqual(['en', 'es']);
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const vars = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    for (const [k, v] of Object.entries(en))
      expect(vars((es as Record<string, string>)[k]!), k).toEqual(vars(v));
  });

  it('hold every literal key the report code uses', () => {
    const keys = [...source.matchAll(/loc\.t\('([\w.]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(40);
    for (const k of keys) expect(en, k).toHaveProperty([k]);
  });

  it('formats numbers and dates for the locale', () => {
    const e = createLocale('en');
    const s = createLocale('es');
    expect(e.format(0.1212, 'pct')).toBe('12.1%');
    expect(s.format(0.1212, 'pct')).toBe('12,1\u00a0%');
    expect(e.format(32195, 'int')).toBe('32,195');
    expect(s.format(32195, 'int')).toBe('32.195');
    expect(e.format(0.015, 'pp')).toBe('+1.5');
    expect(s.format(-0.07, 'pp')).toBe('-7,0');
    expect(e.format(0.0004, 'q')).toBe('< 0.001');
    expect(e.format('2026-11-22T12:00:00Z', 'date')).toBe('November 22, 2026');
    expect(s.format('2026-11-22T12:00:00Z', 'date')).toBe('22 de noviembre de 2026');
  });

  it('translates category labels and keeps unknown ones as they are', () => {
    expect(createLocale('es').label('Black or African American')).toBe('Negra o afroamericana');
    expect(createLocale('es').label('Clinic <A>')).toBe('Clinic &#60;A&#62;');
    expect(createLocale('en').label('White')).toBe('White');
  });
});
