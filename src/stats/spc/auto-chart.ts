/**
 * How `chart: 'auto'` chooses between the p-chart and Laney's p′ for count data.
 *
 * qicharts2 never switches by itself: it draws p′ only when asked (`chart = 'pp'`). Equilens switches when
 * the data show overdispersion that matters: in some phase the prime ratio σ_z (Laney 2002; see
 * `laney.ts`) is above {@link PRIME_RATIO_THRESHOLD} (between-period variation 50% larger than the
 * binomial model allows) AND the mean baseline denominator is at least {@link LARGE_DENOMINATOR} — the
 * situation Laney describes, where p-chart limits become so narrow that most points fall outside them.
 * With overdispersion but small denominators it keeps the p-chart and adds an `overdispersion` warning
 * suggesting `--chart pprime`. Value series always get XmR.
 */
import type { Warning } from '../../errors.js';
import { laneySigmaZ } from './laney.js';
import type { CountSeries } from './p-chart.js';
import type { Phase } from './phases.js';

export const PRIME_RATIO_THRESHOLD = 1.5;
export const LARGE_DENOMINATOR = 1000;

export interface PhaseCounts {
  phase: Phase;
  series: CountSeries;
  base: number;
}

export function chooseProportionChart(phases: readonly PhaseCounts[]): {
  chart: 'p' | 'pprime';
  warnings: Warning[];
} {
  let overdispersedSmall: number | null = null;
  for (const { series, base } of phases) {
    const sigmaZ = laneySigmaZ(series, base);
    if (sigmaZ === null || !(sigmaZ > PRIME_RATIO_THRESHOLD)) continue;
    const dens = series.denominators.slice(0, base).filter((n): n is number => n !== null && n > 0);
    const meanN = dens.reduce((a, b) => a + b, 0) / Math.max(dens.length, 1);
    const ratio = +sigmaZ.toFixed(3);
    if (meanN >= LARGE_DENOMINATOR) {
      return {
        chart: 'pprime',
        warnings: [
          {
            code: 'overdispersion',
            message: `The prime ratio σ_z is ${ratio} (> ${PRIME_RATIO_THRESHOLD}) with large denominators (mean ${Math.round(meanN)}), so Laney's p′ chart is used instead of the p-chart.`,
            sigmaZ: ratio,
          },
        ],
      };
    }
    overdispersedSmall = Math.max(overdispersedSmall ?? 0, ratio);
  }
  const warnings: Warning[] =
    overdispersedSmall === null
      ? []
      : [
          {
            code: 'overdispersion',
            message: `The prime ratio σ_z is ${overdispersedSmall} (> ${PRIME_RATIO_THRESHOLD}): there is more variation between periods than a p-chart assumes. The denominators are small, so the p-chart is kept; use chart "pprime" for Laney's limits.`,
            sigmaZ: overdispersedSmall,
          },
        ];
  return { chart: 'p', warnings };
}
