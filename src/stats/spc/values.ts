/**
 * The plotted value of each period: numerator/denominator for count data, `value` otherwise. Impossible
 * counts (negative, numerator > denominator on a proportion chart, non-finite) are input errors; a zero or
 * missing denominator, or a missing value, gives a null point and a warning (never NaN).
 */
import { invalidInput, type Warning } from '../../errors.js';
import type { CountSeries } from './p-chart.js';
import type { SpcOptions, SpcPoint } from './types.js';

const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;

export function plottedValues(
  points: readonly SpcPoint[],
  chart: NonNullable<SpcOptions['chart']>,
): { values: (number | null)[]; counts: CountSeries; isCounts: boolean; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const hasCounts = points.some((p) => has(p.numerator) || has(p.denominator));
  const hasValues = points.some((p) => has(p.value));
  if ((chart === 'p' || chart === 'pprime') && !hasCounts) {
    throw invalidInput(`A ${chart === 'p' ? 'p' : 'Laney p′'} chart needs numerators and denominators.`, {
      fix: 'Give numerator and denominator for each period, or use the xmr or run chart for values.',
    });
  }
  const isCounts = chart === 'p' || chart === 'pprime' || (hasCounts && !hasValues);
  const numerators = points.map((p) => (isCounts && has(p.numerator) ? p.numerator : null));
  const denominators = points.map((p) => (isCounts && has(p.denominator) ? p.denominator : null));
  const values = points.map((p, i) => {
    const at = { period: p.period };
    if (!isCounts) {
      if (!has(p.value)) {
        warnings.push({ code: 'missing_value', message: `Period ${p.period} has no value.`, ...at });
        return null;
      }
      if (!Number.isFinite(p.value))
        throw invalidInput(`Period ${p.period}: the value is not a finite number.`, at);
      return p.value;
    }
    const x = numerators[i] ?? null;
    const n = denominators[i] ?? null;
    if (x === null || n === null) {
      warnings.push({
        code: 'missing_value',
        message: `Period ${p.period} has no numerator or denominator.`,
        ...at,
      });
      return null;
    }
    if (!Number.isFinite(x) || !Number.isFinite(n) || x < 0 || n < 0) {
      throw invalidInput(`Period ${p.period}: counts must be finite and not negative.`, {
        ...at,
        fix: 'Correct the numerator and denominator of this period.',
      });
    }
    if (x > n) {
      throw invalidInput(`Period ${p.period}: the numerator is larger than the denominator.`, {
        ...at,
        fix: 'A proportion needs numerator ≤ denominator; correct this period.',
      });
    }
    if (n === 0) {
      warnings.push({
        code: 'zero_denominator',
        message: `Period ${p.period} has a zero denominator, so it has no proportion.`,
        ...at,
      });
      return null;
    }
    return x / n;
  });
  return { values, counts: { numerators, denominators }, isCounts, warnings };
}
