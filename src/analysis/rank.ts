/**
 * The order of the key findings (`analysis.ranking`), stated on the report's front page and by the CLI:
 * 1. findings the council pinned (`ranking.pin`: a measure and the worse-off group), in the config's order;
 * 2. then findings whose group rate is stable before those resting on an unstable one (relative standard
 *    error of the worse-off group's adverse rate above 30%, the NCHS reliability standard: about fewer than
 *    11 events), so a handful of events in a small cell does not lead the page;
 * 3. then by score = strength × weights, largest first:
 *    - strength: the size of the gap relative to its measure, at its conservative bound — the log ratio of
 *      the adverse outcome's rates (readmitted; not screened; events of a count-based rate), |ln RR|, minus
 *      z × its standard error (Katz log scale; Poisson for count rates), at least 0. A large group with a
 *      small relative gap, or a small group with a noisy one, ranks below a clear, large relative gap;
 *      raw excess events (which grow with volume) do not decide the order. An intersection or a discovered
 *      subgroup is as strong as the smaller of its gap and what it adds to its single-attribute parents
 *      (its rate against the rate the parents predict with no interaction, `addedStrength`): a combination
 *      whose gap its parents already explain ranks below them, a hidden one keeps its place;
 *    - × `priority_weight` (default 2) when the group involves a priority stratifier (race and ethnicity,
 *      language — the REAL fields — unless configured);
 *    - × `process_weight` (default 0.5) for a process measure (screening, testing; measure `type`), so an
 *      outcome gap comes before a volume-driven process gap of similar strength.
 *    Ties: larger strength, then more excess events, then measure and group (a stable order).
 */
import type { RankingConfig } from '../config/analysis.js';
import type { Warning } from '../errors.js';
import type { Finding, RankingInfo } from '../model/results.js';
import { zFor } from '../stats/distributions.js';
import type { Counts } from './compare.js';
import type { Direction, MeasureType } from './measure-info.js';

export interface StrengthOptions {
  direction: Direction;
  /** A count-based rate (numerator = events): Poisson standard error. */
  rate: boolean;
  level: number;
}

/** |ln RR| of the adverse outcome between two groups, less z × SE (≥ 0); null when a rate is undefined. */
export function gapStrength(a: Counts, b: Counts, opts: StrengthOptions): number | null {
  if (a.denominator <= 0 || b.denominator <= 0) return null;
  const adverse = (c: Counts): number =>
    opts.rate || opts.direction === 'lower_is_better' ? c.numerator : c.denominator - c.numerator;
  let xa = adverse(a);
  let xb = adverse(b);
  let na = a.denominator;
  let nb = b.denominator;
  if (xa <= 0 || xb <= 0 || (!opts.rate && (xa >= na || xb >= nb))) {
    // Haldane–Anscombe correction: a zero (or all) cell still gives a finite, conservative ratio
    xa += 0.5;
    xb += 0.5;
    na += 1;
    nb += 1;
  }
  const logRatio = Math.abs(Math.log(xa / na / (xb / nb)));
  const variance = opts.rate ? 1 / xa + 1 / xb : 1 / xa - 1 / na + 1 / xb - 1 / nb;
  const se = Math.sqrt(Math.max(0, variance));
  const strength = logRatio - zFor(opts.level) * se;
  return Number.isFinite(strength) ? Math.max(0, strength) : null;
}

/**
 * What a combination adds to its single-attribute parents, on the same scale as gapStrength: ln of its
 * adverse rate over the rate predicted with no interaction (overall × Π parent / overall — each attribute's
 * relative risk multiplies), less z × its standard error; ≥ 0, and 0 when it does no worse than predicted.
 */
export function addedStrength(
  group: Counts,
  parents: readonly Counts[],
  overall: Counts,
  opts: StrengthOptions,
): number | null {
  const adverse = (c: Counts): number =>
    opts.rate || opts.direction === 'lower_is_better' ? c.numerator : c.denominator - c.numerator;
  const rateOf = (c: Counts): number => adverse(c) / c.denominator;
  if (group.denominator <= 0 || overall.denominator <= 0 || parents.some((p) => p.denominator <= 0))
    return null;
  const base = rateOf(overall);
  if (base <= 0) return null;
  const expected = parents.reduce((e, p) => (e * rateOf(p)) / base, base);
  const x = Math.max(adverse(group), 0.5);
  if (expected <= 0) return null;
  const logAdded = Math.log(x / group.denominator / expected);
  const se = Math.sqrt(opts.rate ? 1 / x : Math.max(0, 1 / x - 1 / group.denominator));
  const strength = logAdded - zFor(opts.level) * se;
  return Number.isFinite(strength) ? Math.max(0, strength) : null;
}

/** NCHS: a rate with a relative standard error above 30% is unreliable. */
export const UNSTABLE_RSE = 0.3;

/** Is the adverse rate of this group unstable (RSE > 30%)? */
export function isUnstable(c: Counts, opts: Omit<StrengthOptions, 'level'>): boolean {
  const x = opts.rate || opts.direction === 'lower_is_better' ? c.numerator : c.denominator - c.numerator;
  if (x <= 0 || c.denominator <= 0) return true;
  const rse = Math.sqrt(opts.rate ? 1 / x : Math.max(0, 1 / x - 1 / c.denominator));
  return rse > UNSTABLE_RSE;
}

const keyOf = (values: Readonly<Record<string, string>>): string =>
  Object.keys(values)
    .sort()
    .map((k) => `${k}=${values[k]}`)
    .join('|');

export function rankingInfo(config: RankingConfig): RankingInfo {
  return {
    method: 'weighted_strength',
    priorities: [...config.priorities],
    priorityWeight: config.priority_weight,
    processWeight: config.process_weight,
    pins: config.pin.length,
  };
}

/** The ranking score of a finding (strength × weights); null when its strength is unknown. */
export function findingScore(
  f: Finding,
  type: MeasureType | undefined,
  config: RankingConfig,
): number | null {
  if (f.strength === null || f.strength === undefined) return null;
  const priority = Object.keys(f.values).some((k) => config.priorities.includes(k));
  return (
    f.strength * (priority ? config.priority_weight : 1) * (type === 'process' ? config.process_weight : 1)
  );
}

/** Findings in ranking order, with `score` and `pinned` filled; a warning for a pin that matched nothing. */
export function rankFindings(
  findings: readonly Finding[],
  types: ReadonlyMap<string, MeasureType | undefined>,
  config: RankingConfig,
): { findings: Finding[]; warnings: Warning[] } {
  const pinIndex = new Map(config.pin.map((p, i) => [`${p.measure}#${keyOf(p.values)}`, i]));
  // a pin names the worse-off group: for a reference doing worse, that is the reference (`comparison`)
  const worseOff = (f: Finding): Record<string, string> =>
    f.referenceWorse && f.kind === 'stratum' ? { [Object.keys(f.values)[0] ?? '']: f.comparison } : f.values;
  const pinOf = (f: Finding): number | undefined =>
    f.facet ? undefined : pinIndex.get(`${f.measure}#${keyOf(worseOff(f))}`);
  const scored = findings.map((f) => {
    const pin = pinOf(f);
    return {
      ...f,
      score: findingScore(f, types.get(f.measure), config),
      ...(pin !== undefined ? { pinned: true } : {}),
    };
  });
  const order = (f: Finding): number => pinOf(f) ?? Number.POSITIVE_INFINITY;
  scored.sort(
    (a, b) =>
      order(a) - order(b) ||
      Number(a.unstable ?? false) - Number(b.unstable ?? false) ||
      (b.score ?? -1) - (a.score ?? -1) ||
      (b.strength ?? -1) - (a.strength ?? -1) ||
      (b.excessEvents ?? 0) - (a.excessEvents ?? 0) ||
      a.measure.localeCompare(b.measure) ||
      keyOf(a.values).localeCompare(keyOf(b.values)),
  );
  const matched = new Set(scored.filter((f) => f.pinned).map((f) => pinOf(f)));
  const warnings: Warning[] = config.pin.flatMap((p, i) =>
    matched.has(i)
      ? []
      : [
          {
            code: 'pin_not_found',
            message: `analysis.ranking.pin.${i} (${p.measure}: ${Object.entries(p.values)
              .map(([k, v]) => `${k} = ${v}`)
              .join(
                ', ',
              )}) matches no finding of this run; check the measure id and the group labels, or remove the pin.`,
            key: `analysis.ranking.pin.${i}`,
          },
        ],
  );
  return { findings: scored, warnings };
}
