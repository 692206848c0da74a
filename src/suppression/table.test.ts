import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asRelations, linearAttack, subtractionAttack } from './__fixtures__/attacker.js';
import { determinedCells } from './linear.js';
import { primaryReason } from './primary.js';
import { isHidden, recoverBySubtraction, suppressTable, type Cell, type Margin } from './table.js';
import { fcOptions } from './__fixtures__/fc-options.js';

const T = 11;

describe('primaryReason', () => {
  it('follows the CMS 1–10 rule, the complement rule and tells no data apart', () => {
    expect(primaryReason(5, 100, { threshold: T })).toBe('small_numerator');
    expect(primaryReason(10, 100, { threshold: T })).toBe('small_numerator');
    expect(primaryReason(11, 100, { threshold: T })).toBeNull();
    expect(primaryReason(0, 100, { threshold: T })).toBeNull(); // CMS: 0 is shown
    expect(primaryReason(0, 100, { threshold: T, suppressZero: true })).toBe('small_numerator');
    expect(primaryReason(95, 100, { threshold: T })).toBe('small_numerator'); // 5 without the event
    expect(primaryReason(95, 100, { threshold: T, complementRule: false })).toBeNull();
    expect(primaryReason(100, 100, { threshold: T })).toBeNull();
    expect(primaryReason(0, 7, { threshold: T })).toBe('small_denominator');
    expect(primaryReason(0, 0, { threshold: T })).toBe('no_data');
    expect(primaryReason(null, null, { threshold: T })).toBe('no_data');
    expect(primaryReason(null, 4, { threshold: T })).toBe('small_denominator'); // plain count
    expect(primaryReason(null, 0, { threshold: T })).toBeNull(); // a plain zero count is shown
  });
});

describe('suppressTable', () => {
  it('hides the next-smallest group when one group of a stratifier is small', () => {
    const cells: Cell[] = [
      { id: 'all', numerator: 40, denominator: 300 },
      { id: 'a', numerator: 3, denominator: 50 },
      { id: 'b', numerator: 17, denominator: 120 },
      { id: 'c', numerator: 20, denominator: 130 },
    ];
    const r = suppressTable(cells, [{ total: 'all', parts: ['a', 'b', 'c'] }], T);
    expect(Object.fromEntries(r)).toEqual({ a: 'small_numerator', b: 'complementary' });
  });

  it('needs no complement when two groups are already small', () => {
    const cells: Cell[] = [
      { id: 'all', numerator: 40, denominator: 300 },
      { id: 'a', numerator: 3, denominator: 50 },
      { id: 'b', numerator: 4, denominator: 120 },
      { id: 'c', numerator: 33, denominator: 130 },
    ];
    const r = suppressTable(cells, [{ total: 'all', parts: ['a', 'b', 'c'] }], T);
    expect(Object.fromEntries(r)).toEqual({ a: 'small_numerator', b: 'small_numerator' });
  });

  it('prefers the smallest complement that can protect the cell (numerators adding up to the width)', () => {
    const cells: Cell[] = [
      { id: 'all', numerator: 40, denominator: 300 },
      { id: 'a', numerator: 3, denominator: 50 },
      { id: 'z', numerator: 0, denominator: 20 },
      { id: 'b', numerator: 37, denominator: 230 },
    ];
    const margins = [{ total: 'all', parts: ['a', 'z', 'b'] }];
    // Hidden together, a and z have 3 events between them: a's numerator is anything in 0–3 (width 3).
    expect(Object.fromEntries(suppressTable(cells, margins, T))).toEqual({
      a: 'small_numerator',
      z: 'complementary',
    });
    // A width of 4 cannot come from z (0 events): b, though larger, is the smallest that will do.
    expect(Object.fromEntries(suppressTable(cells, margins, { threshold: T, protectionWidth: 4 }))).toEqual({
      a: 'small_numerator',
      b: 'complementary',
    });
  });

  it('protects a 2×2 cross-classification with its margins (rows, columns, periods)', () => {
    // rows = groups, columns = periods; r* = all-period group cells, c* = per-period overall, all = both.
    const v: Record<string, [number, number]> = {
      a1: [2, 30],
      a2: [20, 40],
      b1: [30, 100],
      b2: [25, 120],
    };
    const cells: Cell[] = Object.entries(v).map(([id, [n, d]]) => ({ id, numerator: n, denominator: d }));
    const sum = (ids: string[]) =>
      ids.reduce<[number, number]>((s, id) => [s[0] + v[id]![0], s[1] + v[id]![1]], [0, 0]);
    const add = (id: string, ids: string[]) => {
      const [n, d] = sum(ids);
      cells.push({ id, numerator: n, denominator: d });
    };
    add('ra', ['a1', 'a2']);
    add('rb', ['b1', 'b2']);
    add('c1', ['a1', 'b1']);
    add('c2', ['a2', 'b2']);
    add('all', ['a1', 'a2', 'b1', 'b2']);
    const margins: Margin[] = [
      { total: 'ra', parts: ['a1', 'a2'] },
      { total: 'rb', parts: ['b1', 'b2'] },
      { total: 'c1', parts: ['a1', 'b1'] },
      { total: 'c2', parts: ['a2', 'b2'] },
      { total: 'all', parts: ['ra', 'rb'] },
      { total: 'all', parts: ['c1', 'c2'] },
    ];
    const r = suppressTable(cells, margins, T);
    expect(r.get('a1')).toBe('small_numerator');
    const hidden = new Set([...r].filter(([, x]) => isHidden(x)).map(([id]) => id));
    expect([...recoverBySubtraction(margins, hidden).derived.keys()]).not.toContain('a1');
    expect(determinedCells(margins, hidden).has('a1')).toBe(false);
    expect([...hidden].sort()).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('breaks derivations that go through a cell nobody printed', () => {
    // Two strata within facet F (unpublished total): x-groups and y-groups both sum to F.
    const cells: Cell[] = [
      { id: 'x1', numerator: 4, denominator: 40 },
      { id: 'x2', numerator: 30, denominator: 60 },
      { id: 'x3', numerator: 31, denominator: 70 },
      { id: 'y1', numerator: 30, denominator: 80 },
      { id: 'y2', numerator: 35, denominator: 90 },
      { id: 'F', numerator: null, denominator: null, published: false },
    ];
    const margins: Margin[] = [
      { total: 'F', parts: ['x1', 'x2', 'x3'] },
      { total: 'F', parts: ['y1', 'y2'] },
    ];
    const r = suppressTable(cells, margins, T);
    const hidden = new Set([...r].filter(([, x]) => isHidden(x)).map(([id]) => id));
    expect(recoverBySubtraction(margins, new Set([...hidden, 'F'])).derived.has('x1')).toBe(false);
    expect(hidden.has('x1') && hidden.has('x2')).toBe(true);
  });

  it('does not let a small total nobody printed be recomputed', () => {
    // Facet totals F (5 people) and G are not printed; F's groups are small, G's are shown.
    const cells: Cell[] = [
      { id: 'all', numerator: 40, denominator: 205 },
      { id: 'F', numerator: 1, denominator: 5, published: false },
      { id: 'G', numerator: 39, denominator: 200, published: false },
      { id: 'x1', numerator: 0, denominator: 2 },
      { id: 'x2', numerator: 1, denominator: 3 },
      { id: 'y1', numerator: 19, denominator: 100 },
      { id: 'y2', numerator: 20, denominator: 100 },
    ];
    const margins: Margin[] = [
      { total: 'all', parts: ['F', 'G'] },
      { total: 'F', parts: ['x1', 'x2'] },
      { total: 'G', parts: ['y1', 'y2'] },
    ];
    const r = suppressTable(cells, margins, T);
    const unknown = new Set([...[...r].filter(([, x]) => isHidden(x)).map(([id]) => id), 'F', 'G']);
    expect(recoverBySubtraction(margins, unknown).derived.has('F')).toBe(false);
    expect(r.get('y1')).toBe('complementary');
  });

  it('property: on random linked tables, no small cell is recovered by subtraction or by solving the system', () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 400 }));
    const table = fc.record({
      rows: fc.integer({ min: 1, max: 5 }),
      cols: fc.integer({ min: 1, max: 4 }),
      seed: fc.array(fc.tuple(count, count), { minLength: 20, maxLength: 20 }),
      threshold: fc.integer({ min: 2, max: 20 }),
    });
    fc.assert(
      fc.property(table, ({ rows, cols, seed, threshold }) => {
        const n = new Map<string, number>();
        const d = new Map<string, number>();
        const margins: Margin[] = [];
        let k = 0;
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const [a, b] = seed[k++ % seed.length]!;
            d.set(`c${i}.${j}`, Math.max(a, b));
            n.set(`c${i}.${j}`, Math.min(a, b));
          }
        }
        const total = (id: string, parts: string[]) => {
          n.set(
            id,
            parts.reduce((s, p) => s + n.get(p)!, 0),
          );
          d.set(
            id,
            parts.reduce((s, p) => s + d.get(p)!, 0),
          );
          margins.push({ total: id, parts });
        };
        for (let i = 0; i < rows; i++)
          total(
            `r${i}`,
            [...Array(cols).keys()].map((j) => `c${i}.${j}`),
          );
        for (let j = 0; j < cols; j++)
          total(
            `k${j}`,
            [...Array(rows).keys()].map((i) => `c${i}.${j}`),
          );
        total(
          'all',
          [...Array(rows).keys()].map((i) => `r${i}`),
        );
        margins.push({ total: 'all', parts: [...Array(cols).keys()].map((j) => `k${j}`) });
        const cells: Cell[] = [...d.keys()].map((id) => ({
          id,
          numerator: n.get(id)!,
          denominator: d.get(id)!,
        }));
        const r = suppressTable(cells, margins, threshold);
        const shownN = new Map([...n].filter(([id]) => !isHidden(r.get(id))));
        const shownD = new Map([...d].filter(([id]) => !isHidden(r.get(id))));
        for (const attack of [subtractionAttack, linearAttack]) {
          const recN = attack(asRelations(margins), n, shownN);
          const recD = attack(asRelations(margins), d, shownD);
          // What is recovered is never a small cell (only complements, which are not small by themselves).
          const small = [...new Set([...recN.keys(), ...recD.keys()])].filter((id) =>
            isHidden(primaryReason(n.get(id)!, d.get(id)!, { threshold }) ?? undefined),
          );
          expect(small).toEqual([]);
        }
        // Every shown cell passes the primary rule.
        for (const c of cells) {
          if (!isHidden(r.get(c.id))) {
            expect(primaryReason(c.numerator, c.denominator, { threshold }) ?? 'ok').toMatch(/ok|no_data/);
          }
        }
      }),
      fcOptions(300),
    );
  });
});
