/**
 * Healthy People: each group compared with the best group rate.
 *
 * Formula (on adverse-event rates aⱼ, see `adverse-rates.ts`; b = the group with the lowest aⱼ):
 *   rate difference RDⱼ = aⱼ − a_b (≥ 0), SE √(seⱼ² + se_b²), interval RDⱼ ± z·SE;
 *   rate ratio RRⱼ = aⱼ / a_b (≥ 1), log-scale interval exp(ln RRⱼ ± z·√(seⱼ²/aⱼ² + se_b²/a_b²)), `se` on the
 *   ratio scale (RRⱼ times the log-scale SE);
 *   percent difference PDⱼ = 100·(RRⱼ − 1).
 * The SEs treat the groups as independent and ignore that the best group was picked from the data (the NCHS
 * uses a bootstrap), so the intervals are approximate.
 *
 * Interpretation: how far each group is from the best-off group; RR = 1 / RD = 0 means no disparity.
 * Applies to: ≥ 2 mutually exclusive groups (any dimension). Not for count objectives.
 *
 * Citation: Talih M, Huang DT. Healthy People Statistical Notes no. 27, NCHS 2016; Keppel K, Pamuk E, Lynch J,
 * et al. Methodological issues in measuring health disparities. Vital Health Stat 2(141), NCHS 2005;
 * Healthy People 2030 "About Disparities Data" (ODPHP/NCHS).
 */
import type { Warning } from '../../../errors.js';
import { normalResult, logScaleResult } from '../result.js';
import type { InequalityInput } from '../types.js';
import { adverseSetup } from './adverse-rates.js';

export interface BestGroupComparison {
  name: string;
  /** The rate as given. */
  rate: number;
  /** The adverse-event rate compared (scale − rate for favourable indicators). */
  adverseRate: number;
  isBest: boolean;
  rateDifference: { estimate: number; se: number | null; lower: number | null; upper: number | null };
  rateRatio: { estimate: number | null; se: number | null; lower: number | null; upper: number | null };
  percentDifference: number | null;
}

export interface BestGroupComparisons {
  best: string | null;
  groups: BestGroupComparison[];
  warnings: Warning[];
}

export function bestGroupComparisons(input: InequalityInput): BestGroupComparisons {
  const s = adverseSetup('The best-group comparison', input);
  if ('fail' in s) return { best: null, groups: [], warnings: [s.fail] };
  const { p, adverse, best, warnings } = s.ok;
  const b = p.groups[best]!;
  const ab = adverse[best]!;
  if (ab === 0) {
    warnings.push({
      code: 'best_rate_zero',
      message:
        'The best group has an adverse-event rate of 0, so rate ratios and percent differences are undefined.',
    });
  }
  const groups = p.groups.map((g, j) => {
    const aj = adverse[j]!;
    const isBest = j === best;
    const rdSe = !isBest && g.se !== null && b.se !== null ? Math.sqrt(g.se ** 2 + b.se ** 2) : null;
    const rd = normalResult('D', aj - ab, rdSe, p.z, [], null);
    let rr: BestGroupComparison['rateRatio'] = { estimate: null, se: null, lower: null, upper: null };
    if (ab > 0) {
      const seLog =
        !isBest && g.se !== null && b.se !== null && aj > 0
          ? Math.sqrt(g.se ** 2 / aj ** 2 + b.se ** 2 / ab ** 2)
          : null;
      const r = logScaleResult('R', aj / ab, seLog, p.z);
      rr = { estimate: r.estimate, se: r.se, lower: r.lower, upper: r.upper };
    }
    return {
      name: g.name,
      rate: g.estimate,
      adverseRate: aj,
      isBest,
      rateDifference: { estimate: rd.estimate ?? aj - ab, se: rd.se, lower: rd.lower, upper: rd.upper },
      rateRatio: rr,
      percentDifference: rr.estimate === null ? null : 100 * (rr.estimate - 1),
    };
  });
  if (!p.seAll) {
    warnings.push({
      code: 'no_standard_errors',
      message: 'Some groups have no SE, so some comparisons have no interval.',
    });
  }
  return { best: b.name, groups, warnings };
}
