import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureResults } from './__fixtures__/results.js';
import { buildReport } from './build-report.js';
import { createLocale, LANGS, type Lang } from './i18n.js';
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
    // Count messages (loc.tn) are families of plural variants; English and Spanish both need one and other.
    const counted = [...source.matchAll(/loc\.tn\('([\w.]+)'/g)].map((m) => m[1]!);
    expect(counted.length).toBeGreaterThan(4);
    for (const k of counted)
      for (const c of ['one', 'other'])
        for (const cat of [en, es]) expect(cat, k).toHaveProperty([`${k}.${c}`]);
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

const CATEGORY = /\.(zero|one|two|few|many|other)$/;
const CATALOGUE: Record<Lang, Record<string, string>> = { en, es };
/** Nouns that must not follow a count in a message without plural variants (a count of 1 would read "1 events"). */
const PLURAL_NOUNS: Record<Lang, RegExp> = {
  en: /\{(?!label\})\w+\} (?:more )?(events|people|patients|persons|groups|subgroups|measures|rows|findings|months|quarters|years|periods|records|visits)\b/,
  es: /\{(?!label\})\w+\} (?:más )?(eventos|personas|pacientes|grupos|subgrupos|indicadores|medidas|filas|hallazgos|meses|trimestres|años|periodos|registros|visitas)\b/,
};

describe('counts in messages', () => {
  it('put no count before a plural noun except in plural variants, and every variant family has .other', () => {
    for (const lang of LANGS) {
      const cat = CATALOGUE[lang];
      for (const [k, v] of Object.entries(cat)) {
        if (CATEGORY.test(k)) {
          const family = k.replace(CATEGORY, '');
          expect(cat, k).toHaveProperty([`${family}.other`]);
          expect(cat, `${family} is a plural family, not also a message`).not.toHaveProperty([family]);
          if (k.endsWith('.one')) expect(v, `${lang} ${k}`).not.toMatch(PLURAL_NOUNS[lang]);
        } else expect(v, `${lang} ${k}: give it .one/.other variants`).not.toMatch(PLURAL_NOUNS[lang]);
      }
    }
  });

  it('choose the variant by the count as shown, falling back to .other', () => {
    const e = createLocale('en');
    const s = createLocale('es');
    expect(e.tn('finding.people', 1, { n: '1' })).toBe('1 person');
    expect(e.tn('finding.people', 0, { n: '0' })).toBe('0 people');
    expect(e.tn('finding.people', 2, { n: '2' })).toBe('2 people');
    expect(e.tn('finding.people', 1.4, { n: '1' })).toBe('1 person'); // shown rounded
    expect(e.tn('finding.people', null, { n: '–' })).toBe('– people');
    expect(e.tn('measure.overall.events', 1, { n: '1' })).toBe('1 event');
    expect(e.tn('periods.quarter', 1, { n: '1' })).toBe('1 quarter');
    expect(s.tn('measure.overall.events', 1, { n: '1' })).toBe('1 evento');
    expect(s.tn('measure.overall.people', 1, { n: '1' })).toBe('1 persona');
    expect(s.tn('periods.month', 1, { n: '1' })).toBe('1 mes');
    // Spanish selects "many" for 1,000,000: no such variant, so .other.
    expect(new Intl.PluralRules('es').select(1_000_000)).toBe('many');
    expect(s.tn('finding.people', 1_000_000, { n: '1.000.000' })).toBe('1.000.000 personas');
    // A family read without a count (t) gives its .other text; an unknown key is itself.
    expect(e.t('finding.people', { n: '3' })).toBe('3 people');
    expect(e.tn('no.such.key', 1)).toBe('no.such.key');
  });

  it('a report where every count is 1 says "1 event", "1 person", never "1 events"', async () => {
    const r = fixtureResults();
    r.stamp.dataset.rows = 1;
    const m = r.measures[0]!;
    Object.assign(m, { kind: 'rate', multiplier: 1000 });
    Object.assign(m.overall, { numerator: 1, denominator: 1, rate: 1000, lower: 25.3, upper: 5571.6 });
    r.findings = r.findings.slice(0, 6); // 1 more finding behind the first five
    const f = r.findings.find((x) => x.measure === m.id && x.periods)!;
    Object.assign(f, { excessEvents: 1, denominator: 1, periods: 1 });
    const p = r.findings.find((x) => x !== f && r.measures.find((y) => y.id === x.measure)?.kind !== 'rate')!;
    Object.assign(p, { excessEvents: 1, denominator: 1 });
    const pattern: Record<Lang, RegExp> = {
      en: /\b1 (?:more )?(events|people|persons|rows|findings|groups|months|quarters|years|periods)\b/,
      es: /\b1 (eventos|personas|filas|hallazgos|grupos|meses|trimestres|años|periodos)\b/,
    };
    const want: Record<Lang, string[]> = {
      // (The masthead no longer says "N rows": it names the organisation, period and dataset version.)
      en: [
        '1 event among 1 person',
        'about 1 more event than',
        'about 1 more person ',
        '1 more finding',
        '1 person ·',
        '1 quarter.',
      ],
      es: [
        '1 evento entre 1 persona',
        'aproximadamente 1 evento más',
        'aproximadamente 1 persona más',
        '1 hallazgo más',
        '1 persona ·',
        '1 trimestre.',
      ],
    };
    for (const lang of LANGS) {
      const text = (await buildReport(r, { audience: 'internal', lang }))
        .replace(/<(style|svg)[\s\S]*?<\/\1>/g, ' ')
        .replace(/<[^>]+>/g, '')
        .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
        .replace(/\s+/g, ' ');
      expect(text.match(pattern[lang])?.[0], lang).toBeUndefined();
      for (const w of want[lang]) expect(text.includes(w), `${lang}: "${w}"`).toBe(true);
    }
  });
});
