/**
 * Public types of the SPC module (run charts and control charts). These names are a shared contract
 * (see the team brief, "src/stats/spc"): the analysis engine and the report code against them.
 */
import type { Warning } from '../../errors.js';

/** One period of a time series: a count pair (p-charts) or a measured value (run chart, XmR). */
export interface SpcPoint {
  period: string;
  numerator?: number | null;
  denominator?: number | null;
  value?: number | null;
  /** Label of the phase (e.g. "baseline", "PDSA 1"); a change of label starts a new phase. */
  phase?: string | null;
}

/** Stable ids of the rule signals attached to points. */
export type SpcSignal =
  'outside_limits' | 'shift' | 'trend' | 'two_of_three_beyond_2sigma' | 'long_run' | 'few_crossings';

export interface SpcPointResult {
  period: string;
  /** The plotted value (a proportion for p/p′ charts); null when it cannot be computed. */
  value: number | null;
  centre: number | null;
  /** 3-sigma control limits (null on run charts and when they cannot be computed). */
  lower: number | null;
  upper: number | null;
  phase: string | null;
  /** Rule signals on this point, ids from {@link SpcSignal}. */
  signals: string[];
}

export type SpcChart = 'run' | 'p' | 'pprime' | 'xmr';

/** The Anhøj runs analysis of one series (one phase). */
export interface AnhojResult {
  longestRun: number;
  longestRunMax: number;
  crossings: number;
  crossingsMin: number;
  signal: boolean;
}

export interface SpcResult {
  chart: SpcChart;
  points: SpcPointResult[];
  /** Anhøj runs analysis, one entry per phase in order. */
  runs: AnhojResult[];
  warnings: Warning[];
}

export interface SpcOptions {
  /** `auto` (default): p (or p′, see `auto-chart.ts`) for count pairs, XmR for values. */
  chart?: 'auto' | SpcChart;
  /** Freeze: compute the centre and limits of each phase from its first N points and extend them. */
  baselinePeriods?: number;
}
