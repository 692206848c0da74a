/**
 * Configured intersections (e.g. race × sex × age band): every intersectional group with its rate, its
 * comparison with the reference combination (each stratifier's own reference group; the largest known
 * combination when that one is empty), and beside it its single-attribute parents so the reader sees
 * what the intersection adds. A combination with Declined / Unknown / Missing is described, never compared
 * (data quality, not a population). Groups are listed in each stratifier's display order (age bands by age).
 */
import type { IntersectionResult, MeasureResult } from '../model/results.js';
import { isStatus } from '../model/status.js';
import { compareGroup, describeGroup, rateOf } from './compare.js';
import type { Cell, Cube } from './cube.js';
import { rateMultiplier, type MeasureInfo } from './measure-info.js';
import { compareLabels } from './order.js';

/** `Black or African American × Female` */
export const comboLabel = (
  stratifiers: readonly string[],
  values: Readonly<Record<string, string>>,
): string => stratifiers.map((s) => values[s] ?? '').join(' × ');

export function buildIntersection(
  cube: Cube,
  measure: MeasureInfo,
  stratifiers: readonly string[],
  result: MeasureResult,
  level: number,
): IntersectionResult {
  const cells = cube.list(measure.id, stratifiers);
  const strata = new Map(result.strata.filter((s) => !s.facet).map((s) => [s.stratifier, s]));
  const known = (c: Cell) => stratifiers.every((s) => !isStatus(c.values[s]));
  const named = cells.find(
    (c) => c.denominator > 0 && stratifiers.every((s) => c.values[s] === strata.get(s)?.reference),
  );
  const ref =
    named ??
    [...cells].filter((c) => known(c) && c.denominator > 0).sort((a, b) => b.denominator - a.denominator)[0];
  const multiplier = rateMultiplier(measure);
  const scaled = (r: number | null): number | null => (r === null || !multiplier ? r : r * multiplier);
  const groups = [...cells]
    .sort((a, b) => {
      for (const s of stratifiers) {
        const d = compareLabels(s, a.values[s] as string, b.values[s] as string);
        if (d !== 0) return d;
      }
      return 0;
    })
    .map((c) => {
      const label = comboLabel(stratifiers, c.values);
      const g =
        !ref || c === ref || !known(c)
          ? describeGroup(label, c, level, multiplier)
          : compareGroup(label, c, ref, { level, direction: measure.direction, multiplier });
      if (c === ref) g.label = 'reference';
      const parents = stratifiers.map((s) => {
        const value = c.values[s] as string;
        const parent = cube.get(measure.id, { [s]: value });
        return { stratifier: s, group: value, rate: parent ? scaled(rateOf(parent)) : null };
      });
      return { ...g, values: { ...c.values }, parents };
    });
  return { measure: measure.id, stratifiers: [...stratifiers], groups };
}
