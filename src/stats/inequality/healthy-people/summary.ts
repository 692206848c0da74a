/**
 * The common frame of the two Healthy People summary measures (`summary-rate-ratio.ts`,
 * `keppel-pearcy-index.ts`): adverse-rate set-up, a null result with a reason, and a simulation interval
 * (seeded, as in `../simulation.ts`: each group's rate drawn from a normal with its SE, truncated to
 * 0…scale for favourable indicators, ≥ 0 otherwise; the best group is re-chosen in every draw). The NCHS
 * uses a bootstrap of the microdata, which aggregated data cannot reproduce.
 */
import type { Warning } from '../../../errors.js';
import { quantile7, mulberry32, SIMULATION_DRAWS, SIMULATION_SEED, truncatedNormal } from '../simulation.js';
import type { InequalityInput } from '../types.js';
import { adverseSetup, bestIndex, toAdverse } from './adverse-rates.js';

export interface DisparityResult {
  measure: 'SRR' | 'ID';
  estimate: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  /** The best group the others are compared with. */
  best: string | null;
  warnings: Warning[];
}

/** A summary of adverse rates given the index of the best one; NaN when undefined. */
export type Summary = (adverse: readonly number[], best: number) => number;

/** mean over the other groups of aⱼ/a_best */
export const meanRatioToBest: Summary = (a, best) =>
  a.reduce((acc, x, j) => (j === best ? acc : acc + x / a[best]!), 0) / (a.length - 1);

export function disparitySummary(
  measure: 'SRR' | 'ID',
  name: string,
  input: InequalityInput,
  summary: Summary,
): DisparityResult {
  const none = (warnings: Warning[], best: string | null = null): DisparityResult => ({
    measure,
    estimate: null,
    se: null,
    lower: null,
    upper: null,
    best,
    warnings,
  });
  const s = adverseSetup(name, input);
  if ('fail' in s) return none([s.fail]);
  const { p, adverse, best, warnings } = s.ok;
  const bestName = p.groups[best]!.name;
  if (adverse[best]! === 0) {
    return none(
      [
        ...warnings,
        {
          code: 'best_rate_zero',
          message: `${name} is undefined because the best group's adverse-event rate is 0.`,
        },
      ],
      bestName,
    );
  }
  const estimate = summary(adverse, best);
  if (!Number.isFinite(estimate))
    return none([...warnings, { code: 'not_finite', message: `${name} is not a finite number.` }], bestName);
  if (!p.seAll) {
    return {
      ...none(
        [
          ...warnings,
          { code: 'no_standard_errors', message: `Some groups have no SE, so ${name} has no interval.` },
        ],
        bestName,
      ),
      estimate,
    };
  }
  const rand = mulberry32(SIMULATION_SEED);
  const hi = p.favourable ? p.scale : Infinity;
  const values: number[] = [];
  for (let d = 0; d < SIMULATION_DRAWS; d++) {
    const ys = p.groups.map((g) => truncatedNormal(g.estimate, g.se!, 0, hi, rand()));
    const a = toAdverse(ys, p.favourable, p.scale);
    const b = bestIndex(a);
    const v = a[b]! > 0 ? summary(a, b) : NaN;
    if (Number.isFinite(v)) values.push(v);
  }
  values.sort((x, y) => x - y);
  const tail = (1 - p.level) / 2;
  return {
    measure,
    estimate,
    se: null,
    lower: values.length > 0 ? quantile7(values, tail) : null,
    upper: values.length > 0 ? quantile7(values, 1 - tail) : null,
    best: bestName,
    warnings,
  };
}
