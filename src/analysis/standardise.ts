/**
 * Direct age standardisation of every group of a stratum (`analysis.standardize`), from the group × age
 * band counts of the same engine pass. Proportions (multiplier 1); Dobson limits from src/stats.
 * Age bands that are statuses (Unknown/Missing) are left out; the standard's bands are aligned to the
 * data's bands by src/stats.
 */
import type { Warning } from '../errors.js';
import type { StratumResult } from '../model/results.js';
import { isStatus } from '../model/status.js';
import { ESP2013, US2000, directStandardise, type StandardBand } from '../stats/index.js';
import type { Cube } from './cube.js';
import { AGE_DIM } from './plan.js';

export function standardPopulation(name: string): StandardBand[] | null {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key === 'us2000') return [...US2000];
  if (key === 'esp2013') return [...ESP2013];
  return null;
}

/** Add `ageStandardised` to each group in place; returns warnings for the stratum. */
export function standardiseStratum(
  cube: Cube,
  measure: string,
  stratum: StratumResult,
  standard: readonly StandardBand[],
  level: number,
  /** A rate measure (numerator = events): rates per this many units. */
  multiplier?: number,
): Warning[] {
  if (stratum.stratifier === AGE_DIM || stratum.facet) return [];
  const cells = cube.list(measure, [stratum.stratifier, AGE_DIM]);
  const warnings: Warning[] = [];
  for (const g of stratum.groups) {
    const rows = cells
      .filter((c) => c.values[stratum.stratifier] === g.group && !isStatus(c.values[AGE_DIM]))
      .map((c) => ({ ageBand: c.values[AGE_DIM] as string, events: c.numerator, population: c.denominator }));
    if (rows.length === 0) continue;
    const r = directStandardise(rows, standard, { level, multiplier: multiplier ?? 1 });
    g.ageStandardised = { rate: r.value, lower: r.lower, upper: r.upper };
    for (const w of r.warnings)
      if (!warnings.some((x) => x.code === w.code)) warnings.push({ ...w, group: g.group });
  }
  return warnings;
}
