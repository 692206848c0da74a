/**
 * One stratum result: every group of a stratifier (within a facet value, optionally) with its rate and its
 * comparison with the reference group — or, under the `everyone_else` rule, with the rest of the stratum.
 * Declined / Unknown / Missing are described (rate, interval) but never compared: they are data-quality
 * matters, not populations. Summary measures, standardised rates and trends are added by summary.ts,
 * standardise.ts and trend.ts.
 */
import type { StratumResult } from '../model/results.js';
import { compareGroup, describeGroup, type Counts } from './compare.js';
import type { Cube } from './cube.js';
import { rateMultiplier, type MeasureInfo } from './measure-info.js';
import { chooseReference, type ReferenceRule } from './reference.js';
import { compareLabels } from './order.js';
import { isStatus } from '../model/status.js';

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
  const opts = { level: input.level, direction: measure.direction, multiplier };
  const total = cells.reduce(
    (t, c) => ({ numerator: t.numerator + c.numerator, denominator: t.denominator + c.denominator }),
    { numerator: 0, denominator: 0 },
  );
  const groups = cells.map((c) => {
    if (ref.rule === 'everyone_else') {
      const rest = {
        numerator: total.numerator - c.numerator,
        denominator: total.denominator - c.denominator,
      };
      return isStatus(c.group) || rest.denominator === 0
        ? describeGroup(c.group, c, input.level, multiplier)
        : compareGroup(c.group, c, rest, opts);
    }
    if (!refCounts || c.group === ref.group || isStatus(c.group)) {
      const g = describeGroup(c.group, c, input.level, multiplier);
      if (c.group === ref.group) g.label = 'reference';
      return g;
    }
    return compareGroup(c.group, c, refCounts, opts);
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
