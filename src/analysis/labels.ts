/**
 * q-values by Benjamini–Hochberg across the whole run (every comparison of every measure, stratum and
 * intersection is one family), then a label per group: worse / better when q ≤ fdr (by the measure's
 * direction), else no_detectable_difference; the reference keeps 'reference'; no test → not_assessed.
 */
import type { GroupResult, IntersectionResult, MeasureResult } from '../model/results.js';
import { benjaminiHochberg } from '../stats/index.js';
import { isWorse } from './compare.js';
import type { Direction } from './measure-info.js';

export function labelGroup(g: GroupResult, direction: Direction, fdr: number): GroupResult['label'] {
  if (g.label === 'reference') return 'reference';
  if (g.pValue === null || g.qValue === null || g.difference === null) return 'not_assessed';
  if (g.qValue > fdr || g.difference === 0) return 'no_detectable_difference';
  return isWorse(g.difference, direction) ? 'worse' : 'better';
}

/** Fill qValue and label of every compared group in place. */
export function applyQValues(
  measures: readonly MeasureResult[],
  intersections: readonly IntersectionResult[],
  fdr: number,
): void {
  const entries: { g: GroupResult; direction: Direction }[] = [];
  for (const m of measures)
    for (const s of m.strata) for (const g of s.groups) entries.push({ g, direction: m.direction });
  const dirOf = new Map(measures.map((m) => [m.id, m.direction]));
  for (const ix of intersections) {
    const direction = dirOf.get(ix.measure) ?? 'lower_is_better';
    for (const g of ix.groups) entries.push({ g, direction });
  }
  const q = benjaminiHochberg(entries.map((e) => e.g.pValue));
  entries.forEach((e, i) => {
    e.g.qValue = q[i] ?? null;
    e.g.label = labelGroup(e.g, e.direction, fdr);
  });
}
