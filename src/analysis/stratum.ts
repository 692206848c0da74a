/**
 * One stratum result: every group of a stratifier (within a facet value, optionally) with its rate and its
 * comparison with the reference group. Summary measures, standardised rates and trends are added by
 * summary.ts, standardise.ts and trend.ts.
 */
import type { StratumResult } from '../model/results.js';
import { compareGroup, describeGroup, type Counts } from './compare.js';
import type { Cube } from './cube.js';
import { rateMultiplier, type MeasureInfo } from './measure-info.js';
import { chooseReference, type ReferenceRule } from './reference.js';
import { compareLabels } from './order.js';

export interface StratumInput {
  cube: Cube;
  measure: MeasureInfo;
  stratifier: string;
  rule: ReferenceRule;
  level: number;
  facet?: { name: string; value: string };
}

export function buildStratum(input: StratumInput): StratumResult {
  const { cube, measure, stratifier, facet } = input;
  const dims = facet ? [facet.name, stratifier] : [stratifier];
  const cells = cube
    .list(measure.id, dims)
    .filter((c) => !facet || c.values[facet.name] === facet.value)
    .map((c) => ({
      group: c.values[stratifier] as string,
      numerator: c.numerator,
      denominator: c.denominator,
    }))
    .sort((a, b) => compareLabels(stratifier, a.group, b.group));
  const ref = chooseReference(cells, input.rule, measure.direction, stratifier);
  const refCounts: Counts | undefined = cells.find((c) => c.group === ref.group);
  const multiplier = rateMultiplier(measure);
  const groups = cells.map((c) => {
    if (!refCounts || c.group === ref.group) {
      const g = describeGroup(c.group, c, input.level, multiplier);
      if (c.group === ref.group) g.label = 'reference';
      return g;
    }
    return compareGroup(c.group, c, refCounts, {
      level: input.level,
      direction: measure.direction,
      multiplier,
    });
  });
  return {
    stratifier,
    reference: ref.group,
    referenceRule: ref.rule,
    ...(facet ? { facet } : {}),
    groups,
    summary: [],
    warnings: ref.warnings,
  };
}
