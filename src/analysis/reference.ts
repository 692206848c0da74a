/**
 * The reference group of a stratifier (`analysis.reference`): a named group, the largest group, the
 * best-performing group by the measure's direction (Healthy People 2030), or none: `everyone_else` compares
 * each group with the rest of the denominator. Declined / Unknown / Missing are never the reference. A named
 * group that is absent falls back to the largest, with a warning.
 */
import type { AnalysisConfig } from '../config/analysis.js';
import type { Warning } from '../errors.js';
import type { ReferenceRuleName } from '../model/results.js';
import { isStatus } from '../model/status.js';
import type { Counts } from './compare.js';
import { rateOf } from './compare.js';
import type { Direction } from './measure-info.js';

export type ReferenceRule = AnalysisConfig['reference'][string];

/** Groups smaller than this are not picked as the "best" group (their rate is too noisy). */
export const BEST_MIN_DENOMINATOR = 30;

export interface ReferenceChoice {
  group: string | null;
  rule: ReferenceRuleName;
  warnings: Warning[];
}

/** The rule for a stratifier: its own entry, else `default`, else "largest". */
export function referenceRule(config: AnalysisConfig['reference'], stratifier: string): ReferenceRule {
  return config[stratifier] ?? config.default ?? 'largest';
}

export function chooseReference(
  groups: readonly (Counts & { group: string })[],
  rule: ReferenceRule,
  direction: Direction,
  stratifier: string,
): ReferenceChoice {
  const eligible = groups.filter((g) => !isStatus(g.group) && g.denominator > 0);
  const largest = (): string | null =>
    [...eligible].sort((a, b) => b.denominator - a.denominator || a.group.localeCompare(b.group))[0]?.group ??
    null;
  if (typeof rule === 'object') {
    if (eligible.some((g) => g.group === rule.group))
      return { group: rule.group, rule: 'named', warnings: [] };
    return {
      group: largest(),
      rule: 'largest',
      warnings: [
        {
          code: 'reference_not_found',
          message: `The configured reference group "${rule.group}" of ${stratifier} has no data (or is a status such as Unknown); the largest group is used instead.`,
          stratifier,
        },
      ],
    };
  }
  if (rule === 'everyone_else') return { group: null, rule, warnings: [] };
  if (rule === 'best') {
    const big = eligible.filter((g) => g.denominator >= BEST_MIN_DENOMINATOR);
    const pool = big.length ? big : eligible;
    const sign = direction === 'lower_is_better' ? 1 : -1;
    const best = [...pool].sort(
      (a, b) =>
        sign * ((rateOf(a) ?? 0) - (rateOf(b) ?? 0)) ||
        b.denominator - a.denominator ||
        a.group.localeCompare(b.group),
    )[0];
    return { group: best?.group ?? null, rule: 'best', warnings: [] };
  }
  return { group: largest(), rule: 'largest', warnings: [] };
}
