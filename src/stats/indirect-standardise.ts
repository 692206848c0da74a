/**
 * Indirect standardisation: the observed/expected ratio (e.g. a standardised mortality ratio).
 *
 * E = Σ (x_refᵢ / n_refᵢ)·nᵢ over age bands; ratio = O/E × multiplier (default 1; 100 gives the SMR form);
 * limits are Poisson limits on O (exact below 10 events, Byar's from 10) divided by E.
 * Source: Breslow NE, Day NE (1987) Statistical Methods in Cancer Research vol. II, ch. 2;
 * PHEindicatormethods `calculate_ISRatio` (v2.1.0). `rate` = ratio × the crude reference rate (`calculate_ISRate`).
 */
import { invalidInput, type Warning } from '../errors.js';
import { formatAgeBand, parseAgeBand } from './age-band.js';
import { poissonCountLimits, poissonMethod, type PoissonMethod } from './rate.js';
import { isLevel, type Interval } from './types.js';

export interface IndirectStandardised {
  observed: number;
  expected: number;
  value: number | null;
  ci: Interval[];
  method: PoissonMethod;
  /** ratio × crude reference rate × rateMultiplier (the indirectly standardised rate). */
  rate: number | null;
  warnings: Warning[];
}

type BandCounts = { ageBand: string; events: number; population: number };

const key = (label: string): string => {
  const r = parseAgeBand(label);
  return r ? formatAgeBand(r) : label.trim();
};

export function indirectStandardise(
  rows: readonly BandCounts[],
  reference: readonly BandCounts[],
  opts: { levels?: readonly number[]; multiplier?: number; rateMultiplier?: number; observed?: number } = {},
): IndirectStandardised {
  const levels = opts.levels ?? [0.95];
  const m = opts.multiplier ?? 1;
  const refRate = new Map<string, number>();
  const refTotals = { events: 0, population: 0 };
  for (const r of reference) {
    refTotals.events += r.events;
    refTotals.population += r.population;
    if (r.population > 0) refRate.set(key(r.ageBand), r.events / r.population);
  }
  let expected = 0;
  for (const row of rows) {
    const rate = refRate.get(key(row.ageBand));
    if (rate === undefined) {
      throw invalidInput(`The age band "${row.ageBand}" has no reference rate.`, {
        column: 'age_band',
        fix: 'Give the reference population every age band the data has (with a population above 0).',
      });
    }
    expected += rate * row.population;
  }
  const observed = opts.observed ?? rows.reduce((s, r) => s + r.events, 0);
  const method = poissonMethod(observed);
  if (!(expected > 0)) {
    return {
      observed,
      expected,
      value: null,
      ci: [],
      method,
      rate: null,
      warnings: [
        { code: 'no_expected', message: 'No events are expected, so there is no observed/expected ratio.' },
      ],
    };
  }
  const ci = levels.filter(isLevel).map((level): Interval => {
    const lim = poissonCountLimits(observed, level);
    return { level, lower: (lim.lower / expected) * m, upper: (lim.upper / expected) * m };
  });
  const ratio = observed / expected;
  const crude = refTotals.population > 0 ? refTotals.events / refTotals.population : null;
  return {
    observed,
    expected,
    value: ratio * m,
    ci,
    method,
    rate: crude === null ? null : ratio * crude * (opts.rateMultiplier ?? 100_000),
    warnings: [],
  };
}
