import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { EquilensError } from '../errors.js';
import { defaultSpec, generate, nullSpec, parseSpec, type GenerateResult } from './index.js';
import { effectOddsRatio } from './measures-model.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'equilens-synth-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('synth generate', () => {
  let big: GenerateResult;

  it('is deterministic: same seed, same bytes; another seed, other bytes', async () => {
    const a = await generate(defaultSpec(), { seed: 11, patients: 2000, out: tmp() });
    const b = await generate(defaultSpec(), { seed: 11, patients: 2000, out: tmp() });
    const c = await generate(defaultSpec(), { seed: 12, patients: 2000, out: tmp() });
    expect(sha(a.files.extract)).toBe(sha(b.files.extract));
    expect(sha(a.files.truth)).toBe(sha(b.files.truth));
    expect(sha(a.files.extract)).not.toBe(sha(c.files.extract));
  });

  it('writes exactly --rows rows', async () => {
    const r = await generate(defaultSpec(), { seed: 3, rows: 5000, out: tmp() });
    const lines = readFileSync(r.files.extract, 'utf8').trimEnd().split('\n');
    expect(r.rows).toBe(5000);
    expect(lines.length).toBe(5001);
    const header = lines[0]!.split(',');
    expect(lines.every((l) => l.split(',').length === header.length)).toBe(true);
  });

  it('has realistic proportions', async () => {
    big = await generate(defaultSpec(), { seed: 5, patients: 40_000, out: tmp() });
    const pop = big.truth.population;
    const share = (key: string, label: string): number => (pop[key]![label] ?? 0) / big.patients;
    // Proportions from the generator's tables (src/synth/vocabulary.ts), loose tolerance.
    expect(share('race_ethnicity', 'White')).toBeCloseTo((0.53 * 0.95) / 0.961, 1);
    expect(share('race_ethnicity', 'Black or African American')).toBeGreaterThan(0.13);
    expect(share('race_ethnicity', 'Middle Eastern or North African')).toBeGreaterThan(0.008);
    expect(share('race_ethnicity', 'Multiracial/Multiethnic')).toBeGreaterThan(0.015);
    const reStatus = ['Declined', 'Unknown', 'Missing'].reduce((s, l) => s + share('race_ethnicity', l), 0);
    expect(reStatus).toBeGreaterThan(0.03);
    expect(reStatus).toBeLessThan(0.08);
    expect(share('sex', 'Female')).toBeCloseTo(0.545, 1);
    // SOGI completeness is low; most patients are not screened for social needs.
    expect(share('gender_identity', 'Missing')).toBeGreaterThan(0.5);
    expect(share('hrsn_food', 'Missing')).toBeGreaterThan(0.4);
    expect(share('language', 'es')).toBeGreaterThan(0.04);
    expect(share('payer', 'Medicare') + share('payer', 'Dual (Medicare and Medicaid)')).toBeGreaterThan(0.2);
  });

  it('realises the planted rates within binomial tolerance', () => {
    const spec = defaultSpec();
    for (const m of big.truth.measures) {
      const ms = spec.measures.find((x) => (x.id ?? x.measure) === m.id)!;
      expect(m.overall.denominator).toBeGreaterThan(500);
      for (const e of m.effects) {
        if (e.group.denominator < 200) continue;
        // Group vs rest odds ratio should be near the planted one (other effects blur it, so a wide band).
        const odds = (c: { rate: number | null }): number => c.rate! / (1 - c.rate!);
        const or = odds(e.group) / odds(e.rest);
        const planted = ms.effects[e.index]!.odds_ratio;
        expect(Math.log(or) / Math.log(planted), `${m.id} effect ${e.index}`).toBeGreaterThan(0.4);
      }
    }
  });

  it('plants the headline, the hidden intersection and the narrowing gap', () => {
    const t = big.truth;
    expect(t.headline?.measure).toBe('readmit30');
    const hba1c = t.measures.find((m) => m.id === 'hba1c_poor')!;
    const hidden = hba1c.effects.find((e) => e.tags.includes('hidden_intersection'))!;
    // Exact binomial check: rate within 4 SE of the expected probability for that group.
    const expected = 1 / (1 + (1 - 0.17) / 0.17 / 2.6);
    const se = Math.sqrt((expected * (1 - expected)) / hidden.group.denominator);
    expect(hidden.group.rate!).toBeGreaterThan(expected - 4 * se);
    // Black patients overall show a much smaller gap than the intersection.
    const black = hba1c.byRaceEthnicity['Black or African American']!;
    expect(hidden.group.rate! - hba1c.overall.rate!).toBeGreaterThan(2 * (black.rate! - hba1c.overall.rate!));
    const bp = t.measures.find((m) => m.id === 'bp_control')!;
    const narrowing = bp.effects.find((e) => e.tags.includes('narrowing'))!;
    const first = narrowing.byPeriod.slice(0, 3).reduce((s, p) => s + p.difference!, 0) / 3;
    const last = narrowing.byPeriod.slice(-2).reduce((s, p) => s + p.difference!, 0) / 2;
    expect(first).toBeLessThan(-0.08);
    expect(last).toBeGreaterThan(first / 2);
    expect(effectOddsRatio(defaultSpec().measures[2]!.effects[0]!, 7)).toBeCloseTo(0.9, 5);
  });

  it('writes an equilens.yaml the config loader accepts', () => {
    const { config } = loadConfig(big.files.config);
    expect(config.sources[0]!.path).toBe('extract.csv');
    expect(config.measures.map((m) => m.id)).toContain('readmit30');
    const header = readFileSync(big.files.extract, 'utf8').split('\n', 1)[0]!.split(',');
    for (const a of Object.values(config.mapping.attributes)) expect(header).toContain(a.column);
  });

  it('null spec: every group has the same rate', async () => {
    const r = await generate(nullSpec(), { seed: 9, patients: 20_000, out: tmp() });
    const readmit = r.truth.measures.find((m) => m.id === 'readmit30')!;
    const black = readmit.byRaceEthnicity['Black or African American']!;
    const p = 0.11;
    const se = Math.sqrt((p * (1 - p)) / black.denominator);
    expect(Math.abs(black.rate! - p)).toBeLessThan(4 * se);
    expect(r.truth.measures.every((m) => m.effects.length === 0)).toBe(true);
  });

  it('rejects a bad spec with the key path', () => {
    try {
      parseSpec({ measures: [{ measure: 'readmit30', base_rate: 1.5 }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EquilensError);
      expect((e as EquilensError).details.path).toBe('measures.0.base_rate');
    }
  });
});
