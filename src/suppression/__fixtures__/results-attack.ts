/**
 * Test helper: attack a public edition with what its internal twin says is true. For every measure, the
 * additive relations of its cells (overall, groups, facets, intersections, periods) with their true
 * constants, every shown count, and the denominators shown for another measure over the same people
 * (a measure whose denominators agree with this one's wherever both are shown) go to the independent
 * interval attacker (interval-attacker.ts). It reports hidden cells pinned down and cells hidden for
 * small counts narrowed below `width`; and every number anywhere in the public file that equals a
 * hidden cell's rate (a chart centre, a summary, a finding…) where no shown cell has that rate.
 */
import type { ResultsFile } from '../../model/index.js';
import { measureCells } from '../cells.js';
import { primaryReason } from '../primary.js';
import { isHidden } from '../table.js';
import { asRelations } from './attacker.js';
import { intervalRanges, zerosGivenAway } from './interval-attacker.js';

type Pair = [number | null, number | null];

export interface AttackReport {
  hidden: number;
  pinned: string[];
  narrowed: string[];
  publishedRates: string[];
}

export function attackPublic(internal: ResultsFile, pub: ResultsFile, threshold: number, width: number): AttackReport {
  const report: AttackReport = { hidden: 0, pinned: [], narrowed: [], publishedRates: [] };
  const built = internal.measures.map((m) => {
    const truth = measureCells(m, internal.intersections);
    const shownM = pub.measures.find((x) => x.id === m.id);
    const shown = new Map<string, Pair>();
    // Groups published coarsened: n/d within the rounded rate ± half its step.
    const rates = new Map<string, [number, number]>();
    if (shownM)
      for (const c of measureCells(shownM, pub.intersections).cells) {
        if (c.published !== false && c.denominator !== null) shown.set(c.id, [c.numerator, c.denominator]);
        if (c.coarse) rates.set(c.id, [c.coarse.rate - c.coarse.step / 2, c.coarse.rate + c.coarse.step / 2]);
      }
    return { id: m.id, truth, shown, rates };
  });
  // Measures over the same people: every denominator both show agrees.
  const same = (a: (typeof built)[number], b: (typeof built)[number]): boolean => {
    let common = 0;
    for (const [id, [, d]] of a.shown) {
      const o = b.shown.get(id);
      if (!o) continue;
      if (o[1] !== d) return false;
      common++;
    }
    return common > 0;
  };
  const shownRates = new Set<number>();
  for (const b of built) for (const [, [n, d]] of b.shown) if (n !== null && d) shownRates.add(n / d);
  const hiddenRates = new Map<number, string>();
  for (const a of built) {
    const knownD = new Map<string, number>();
    for (const b of built) {
      if (b === a || !same(a, b)) continue;
      for (const [id, [, d]] of b.shown) if (!a.shown.has(id) && d !== null) knownD.set(id, d);
    }
    const truth = new Map<string, Pair>(a.truth.cells.map((c) => [c.id, [c.numerator, c.denominator]]));
    const relations = asRelations(a.truth.margins);
    const ranges = intervalRanges(relations, truth, a.shown, knownD, a.rates);
    const zeros = zerosGivenAway(relations, a.shown);
    for (const c of a.truth.cells) {
      if (c.published === false || a.shown.has(c.id) || c.denominator === null || c.denominator <= 0) continue;
      report.hidden++;
      const r = ranges.get(c.id);
      const where = `${a.id} ${c.id}`;
      if (!r) {
        report.pinned.push(`${where} (in no relation)`);
        continue;
      }
      const plain = c.numerator === null;
      // A count a shown zero gives away needs no width (the policy shows zeros); d = n + m then.
      const [zn, zm] = [zeros.n.has(c.id), zeros.m.has(c.id)];
      const w = plain
        ? [r.d[1] - r.d[0]]
        : [zn ? Infinity : r.n[1] - r.n[0], zm ? Infinity : r.m[1] - r.m[0], zn || zm ? Infinity : r.d[1] - r.d[0]];
      if (w.some((x) => x === 0)) report.pinned.push(where);
      const small = isHidden(primaryReason(c.numerator, c.denominator, { threshold }) ?? undefined);
      if (small && w.some((x) => x < width)) report.narrowed.push(where);
      if (!plain && c.denominator >= 3) {
        const rate = c.numerator! / c.denominator;
        // A coarsened group's rate is published rounded on purpose: only its exact rate would tell more.
        const rounded = a.rates.has(c.id) && Math.abs(rate - (a.rates.get(c.id)![0] + a.rates.get(c.id)![1]) / 2) < 1e-12;
        if (!shownRates.has(rate) && rate > 0 && rate < 1 && !rounded) hiddenRates.set(rate, where);
      }
    }
  }
  // Every rate-like number in the public file (a rate, a chart centre, a summary estimate, a finding's
  // comparison rate, wherever it sits) that is a hidden cell's rate.
  const RATE = /^(rate|centre|comparisonRate|estimate)$/;
  // A coarsened group's rounded rate (and a parent rate that repeats it) is published on purpose; it can
  // equal some hidden cell's exact rate by coincidence (0.092 = 23/250), which gives nothing away.
  const rounded = new Set<string>();
  for (const m of pub.measures)
    for (const s of m.strata)
      for (const g of s.groups) if (g.roundedTo !== undefined) rounded.add(`${s.stratifier}=${g.group}=${g.rate}`);
  const isRounded = (o: Record<string, unknown>): boolean =>
    o.roundedTo !== undefined || rounded.has(`${String(o.stratifier)}=${String(o.group)}=${String(o.rate)}`);
  const walk = (v: unknown, path: string, key: string): void => {
    if (typeof v === 'number') {
      const hit = RATE.test(key) ? hiddenRates.get(v) : undefined;
      if (hit) report.publishedRates.push(`${path} = rate of ${hit}`);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`, key));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const [k, x] of Object.entries(o)) if (!(k === 'rate' && isRounded(o))) walk(x, `${path}.${k}`, k);
    }
  };
  walk(pub, '$', '');
  return report;
}
