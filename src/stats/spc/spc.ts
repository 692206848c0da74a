/**
 * `spc()`: centre line, limits and every rule signal per point for a time series, by phase.
 *
 * Charts: `run` (median, Anhøj rules), `p` (per-point binomial limits), `pprime` (Laney), `xmr` (NHS MDC).
 * Rules: every chart gets the Anhøj runs analysis against its centre line (qicharts2 applies it to run and
 * control charts alike: median for run charts, the mean/p̄ for control charts) → `long_run`, `few_crossings`;
 * control charts add `outside_limits` and the NHS "Making Data Count" `shift`, `trend` and
 * `two_of_three_beyond_2sigma`. `baselinePeriods` freezes each phase's centre and limits at its first N
 * points and extends them. Missing values or zero denominators give null points with a warning.
 *
 * @example
 * spc([{ period: '2024-01', numerator: 12, denominator: 140 }, …], { chart: 'auto' });
 * // → { chart: 'p', points: [{ period, value, centre, lower, upper, phase, signals }], runs: [...], warnings }
 */
import { invalidInput, type Warning } from '../../errors.js';
import { anhojSignals } from './anhoj.js';
import { chooseProportionChart } from './auto-chart.js';
import { laneySigmaZ } from './laney.js';
import type { ChartLines } from './lines.js';
import { noLines } from './lines.js';
import { outsideLimits } from './outside-limits.js';
import { pChartLines, type CountSeries } from './p-chart.js';
import { baselineLength, splitPhases, type Phase } from './phases.js';
import { runChartLines } from './run-chart.js';
import { shiftPoints } from './shift.js';
import { trendPoints } from './trend.js';
import { twoOfThreePoints } from './two-of-three.js';
import type { AnhojResult, SpcChart, SpcOptions, SpcPoint, SpcResult } from './types.js';
import { xmrLines } from './xmr.js';
import { plottedValues } from './values.js';

const SIGNAL_ORDER = [
  'outside_limits',
  'shift',
  'trend',
  'two_of_three_beyond_2sigma',
  'long_run',
  'few_crossings',
] as const;

export function spc(points: readonly SpcPoint[], opts: SpcOptions = {}): SpcResult {
  const k = opts.baselinePeriods;
  if (k !== undefined && !(Number.isInteger(k) && k >= 1)) {
    throw invalidInput(`The baseline must be a whole number of periods, at least 1.`, {
      path: 'baselinePeriods',
      fix: 'Give the number of baseline periods, e.g. 12.',
    });
  }
  const { values, counts, isCounts, warnings } = plottedValues(points, opts.chart ?? 'auto');
  const phases = splitPhases(points.map((p) => p.phase));
  const slice = (ph: Phase): CountSeries => ({
    numerators: counts.numerators.slice(ph.start, ph.start + ph.length),
    denominators: counts.denominators.slice(ph.start, ph.start + ph.length),
  });

  let chart: SpcChart;
  const requested = opts.chart ?? 'auto';
  if (requested === 'auto') {
    if (isCounts) {
      const choice = chooseProportionChart(
        phases.map((phase) => ({ phase, series: slice(phase), base: baselineLength(phase, k) })),
      );
      chart = choice.chart;
      warnings.push(...choice.warnings);
    } else chart = 'xmr';
  } else chart = requested;

  const out: SpcResult = { chart, points: [], runs: [], warnings };
  for (const phase of phases) {
    const base = baselineLength(phase, k);
    if (k !== undefined && k > phase.length) {
      warnings.push({
        code: 'baseline_longer_than_phase',
        message: `The baseline of ${k} periods is longer than phase ${phaseName(phase)} (${phase.length} periods); all of its periods are used.`,
        phase: phase.label,
      });
    }
    const v = values.slice(phase.start, phase.start + phase.length);
    const lines = phaseLines(chart, v, slice(phase), base, warnings, phase);
    const { runs, signals } = phaseSignals(chart, v, lines);
    out.runs.push(runs);
    v.forEach((value, i) => {
      const l = lines[i]!;
      out.points.push({
        period: points[phase.start + i]!.period,
        value,
        centre: l.centre,
        lower: l.lower,
        upper: l.upper,
        phase: phase.label,
        signals: SIGNAL_ORDER.filter((s) => signals[i]!.has(s)),
      });
    });
  }
  return out;
}

const phaseName = (phase: Phase): string => (phase.label === null ? '(unnamed)' : `"${phase.label}"`);

function phaseLines(
  chart: SpcChart,
  values: readonly (number | null)[],
  series: CountSeries,
  base: number,
  warnings: Warning[],
  phase: Phase,
): ChartLines[] {
  const present = values.slice(0, base).filter((v) => v !== null).length;
  if (present === 0) {
    warnings.push({
      code: 'no_data',
      message: `Phase ${phaseName(phase)} has no values in its baseline, so it has no centre line.`,
      phase: phase.label,
    });
    return values.map(() => noLines());
  }
  if (chart === 'run') return runChartLines(values, base);
  if (chart === 'xmr') {
    const lines = xmrLines(values, base);
    if (lines[0]?.upper === null) {
      warnings.push({
        code: 'too_few_points',
        message: `Phase ${phaseName(phase)} needs at least two consecutive values in its baseline for XmR limits.`,
        phase: phase.label,
      });
    }
    return lines;
  }
  if (chart === 'p') return pChartLines(series, base);
  const sigmaZ = laneySigmaZ(series, base);
  if (sigmaZ === null) {
    warnings.push({
      code: 'too_few_points',
      message: `Phase ${phaseName(phase)} needs at least two consecutive periods with a non-zero binomial sigma for Laney's σ_z, so it has no p′ limits.`,
      phase: phase.label,
    });
    return pChartLines(series, base).map((l) => noLines(l.centre));
  }
  return pChartLines(series, base, sigmaZ);
}

function phaseSignals(
  chart: SpcChart,
  values: readonly (number | null)[],
  lines: readonly ChartLines[],
): { runs: AnhojResult; signals: Set<string>[] } {
  const centre = lines.find((l) => l.centre !== null)?.centre ?? null;
  if (centre === null) {
    return {
      runs: { longestRun: 0, longestRunMax: 3, crossings: 0, crossingsMin: 0, signal: false },
      signals: values.map(() => new Set<string>()),
    };
  }
  const { result, signals } = anhojSignals(values, centre);
  if (chart !== 'run') {
    const rules: [string, boolean[]][] = [
      ['outside_limits', outsideLimits(values, lines)],
      ['shift', shiftPoints(values, lines)],
      ['trend', trendPoints(values)],
      ['two_of_three_beyond_2sigma', twoOfThreePoints(values, lines)],
    ];
    for (const [id, flags] of rules) flags.forEach((f, i) => f && signals[i]!.add(id));
  }
  return { runs: result, signals };
}
