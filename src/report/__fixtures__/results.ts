/**
 * A realistic results.json for report tests and screenshots: three measures of a mid-sized health system
 * over 8 quarters, built from counts with the real statistics core (Wilson intervals, Newcombe differences,
 * log-scale ratios, score/Fisher tests, Benjamini–Hochberg q-values), so every number is consistent.
 * `fixtureResults('public')` runs the real small-cell suppression over it.
 */
import { suppressResults } from '../../suppression/index.js';
import type {
  Finding,
  GroupResult,
  IntersectionResult,
  MeasureResult,
  ResultsFile,
  StratumResult,
  TrendPoint,
} from '../../model/results.js';
import {
  benjaminiHochberg,
  newcombeDifference,
  riskRatio,
  twoProportionTest,
  wilson,
} from '../../stats/index.js';

type Direction = MeasureResult['direction'];
/** [group, events, people, per-period drift of the rate (multiplicative per quarter)] */
type Spec = [string, number, number, number?];
const PERIODS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];

function rateCI(x: number, n: number): Pick<GroupResult, 'rate' | 'lower' | 'upper'> {
  const ci = wilson(x, n);
  return { rate: n > 0 ? x / n : null, lower: ci?.lower ?? null, upper: ci?.upper ?? null };
}

function group([name, x, n]: Spec, ref: Spec, direction: Direction): GroupResult {
  const base = { group: name, numerator: n > 0 ? x : null, denominator: n > 0 ? n : null, ...rateCI(x, n) };
  const isRef = name === ref[0];
  const d = n > 0 && !isRef ? newcombeDifference(x, n, ref[1], ref[2]) : null;
  const r = n > 0 && !isRef ? riskRatio(x, n, ref[1], ref[2]) : null;
  const gap = base.rate === null ? null : (base.rate - ref[1] / ref[2]) * n;
  return {
    ...base,
    difference: d?.estimate ?? null,
    differenceLower: d?.lower ?? null,
    differenceUpper: d?.upper ?? null,
    ratio: r?.estimate ?? null,
    ratioLower: r?.lower ?? null,
    ratioUpper: r?.upper ?? null,
    pValue: n > 0 && !isRef ? (twoProportionTest(x, n, ref[1], ref[2])?.pValue ?? null) : null,
    qValue: null,
    label: isRef ? 'reference' : n > 0 ? 'no_detectable_difference' : 'not_assessed',
    excessEvents: isRef || gap === null ? null : direction === 'lower_is_better' ? gap : -gap,
    suppressed: false,
    ...(n > 0 ? {} : { suppressionReason: 'no_data' as const }),
  };
}

/** Split x events of n people over the periods, the rate drifting by `drift` per period; sums are exact. */
function split([, x, n, drift = 1]: Spec): { numerator: number; denominator: number }[] {
  const ns = PERIODS.map((_, i) => Math.floor(n / 8) + (i < n % 8 ? 1 : 0));
  const w = ns.map((ni, i) => ni * drift ** (i - 3.5));
  const tot = w.reduce((a, b) => a + b, 0);
  const xs = w.map((wi) => Math.round((x * wi) / tot));
  xs[7] = x - xs.slice(0, 7).reduce((a, b) => a + b, 0);
  return ns.map((ni, i) => ({ numerator: Math.max(0, Math.min(ni, xs[i]!)), denominator: ni }));
}

function point(period: string, c: { numerator: number; denominator: number }): TrendPoint {
  return { period, ...c, ...rateCI(c.numerator, c.denominator) };
}

function stratum(
  stratifier: string,
  specs: Spec[],
  direction: Direction,
  extra: Partial<StratumResult> = {},
): StratumResult {
  const ref = [...specs].sort((a, b) => b[2] - a[2])[0]!;
  const groups = specs.map((s) => group(s, ref, direction));
  const series = specs
    .filter((s) => s[2] > 0)
    .map((s) => ({ group: s[0], points: split(s).map((c, i) => point(PERIODS[i]!, c)) }));
  const worst = groups
    .filter((g) => g.excessEvents !== null)
    .sort((a, b) => b.excessEvents! - a.excessEvents!)[0];
  const refSeries = series.find((s) => s.group === ref[0])!.points;
  const worstSeries = series.find((s) => s.group === worst?.group)?.points ?? [];
  const gapPoints = worstSeries.map((p, i) => ({
    period: p.period,
    difference: p.rate! - refSeries[i]!.rate!,
    signals: [] as string[],
  }));
  return {
    stratifier,
    reference: ref[0],
    referenceRule: 'largest',
    groups,
    summary: [],
    trend: {
      groups: series,
      gap: worst ? { group: worst.group, points: gapPoints } : null,
      gapDirection: 'no_clear_change',
    },
    warnings: [],
    ...extra,
  };
}

function measure(id: string, title: string, direction: Direction, strata: StratumResult[]): MeasureResult {
  const all = strata[0]!.groups.reduce(
    (a, g) => [a[0]! + (g.numerator ?? 0), a[1]! + (g.denominator ?? 0)],
    [0, 0],
  );
  const [x, n] = all as [number, number];
  const bySeries = strata[0]!.trend!.groups;
  const trend = PERIODS.map((period, i) => {
    const c = bySeries.reduce(
      (a, s) => ({
        numerator: a.numerator + s.points[i]!.numerator!,
        denominator: a.denominator + s.points[i]!.denominator!,
      }),
      { numerator: 0, denominator: 0 },
    );
    return point(period, c);
  });
  return {
    id,
    title,
    direction,
    overall: { numerator: x, denominator: n, ...rateCI(x, n) },
    strata,
    trend,
    warnings: [],
  };
}

const RACE = (rows: [number, number][], drift: number[] = []): Spec[] =>
  [
    'White',
    'Black or African American',
    'Hispanic or Latino',
    'Asian',
    'American Indian or Alaska Native',
    'Native Hawaiian or Pacific Islander',
    'Multiracial/Multiethnic',
    'Middle Eastern or North African',
  ].map((g, i) => [g, rows[i]![0], rows[i]![1], drift[i] ?? 1]);

const SUMMARY = (d: number, r: number, paf: number, bgv: number, idisw: number, ti: number) =>
  (
    [
      ['D', d, 0.004],
      ['R', r, 0.04],
      ['PAF', paf, 1.1],
      ['BGV', bgv, bgv / 4],
      ['IDISW', idisw, 1.2],
      ['TI', ti, ti / 5],
    ] as const
  ).map(([measure, estimate, se]) => ({
    measure,
    estimate,
    se,
    lower: estimate - 1.96 * se,
    upper: estimate + 1.96 * se,
    warnings: [],
  }));

function intersection(
  m: string,
  cells: [string, string, number, number][],
  parents: MeasureResult,
): IntersectionResult {
  const parentRate = (s: string, g: string) =>
    parents.strata.find((x) => x.stratifier === s)?.groups.find((x) => x.group === g)?.rate ?? null;
  const total = cells.reduce((a, c) => [a[0]! + c[2], a[1]! + c[3]], [0, 0]);
  const ref: Spec = ['everyone else', total[0]!, total[1]!];
  return {
    measure: m,
    stratifiers: ['race_ethnicity', 'sex'],
    groups: cells.map(([race, sex, x, n]) => {
      const everyoneElse: Spec = ['everyone else', ref[1] - x, ref[2] - n];
      return {
        ...group([`${race} · ${sex}`, x, n], everyoneElse, parents.direction),
        values: { race_ethnicity: race, sex },
        parents: [
          { stratifier: 'race_ethnicity', group: race, rate: parentRate('race_ethnicity', race) },
          { stratifier: 'sex', group: sex, rate: parentRate('sex', sex) },
        ],
      };
    }),
  };
}

/** The internal results; `'public'` returns them after the real small-cell suppression (threshold 11). */
export function fixtureResults(audience: 'internal' | 'public' = 'internal'): ResultsFile {
  const readmit = measure('readmit30', '30-day readmission', 'lower_is_better', [
    stratum(
      'race_ethnicity',
      RACE([
        [1590, 15000],
        [1126, 9300],
        [540, 5000],
        [180, 1800],
        [52, 400],
        [6, 45],
        [70, 650],
        [0, 0],
      ]),
      'lower_is_better',
      { summary: SUMMARY(0.015, 1.14, 3.6, 0.00004, 6.1, 0.0021) },
    ),
    stratum(
      'sex',
      [
        ['Female', 1690, 15600],
        ['Male', 1474, 13295],
      ],
      'lower_is_better',
    ),
    stratum(
      'payer',
      [
        ['Commercial', 980, 10400],
        ['Medicare', 1180, 10300],
        ['Medicaid', 690, 5400],
        ['Dual (Medicare and Medicaid)', 230, 1700],
        ['Uninsured/self-pay', 84, 1095],
      ],
      'lower_is_better',
    ),
  ]);
  const bp = measure('bp_control', 'Blood pressure control', 'higher_is_better', [
    stratum(
      'race_ethnicity',
      RACE(
        [
          [5780, 8500],
          [1830, 3000],
          [1670, 2500],
          [620, 900],
          [120, 200],
          [14, 22],
          [210, 320],
          [0, 0],
        ],
        [1, 1.02, 1.005],
      ),
      'higher_is_better',
      { summary: SUMMARY(-0.07, 0.9, 2.9, 0.0011, 5.2, 0.0016) },
    ),
    stratum(
      'sex',
      [
        ['Female', 5330, 7900],
        ['Male', 4914, 7542],
      ],
      'higher_is_better',
    ),
  ]);
  const a1c = measure('hba1c_poor', 'Poor HbA1c control (over 9%)', 'lower_is_better', [
    stratum(
      'race_ethnicity',
      RACE([
        [700, 4200],
        [330, 1700],
        [290, 1500],
        [60, 500],
        [25, 120],
        [3, 14],
        [30, 180],
        [0, 0],
      ]),
      'lower_is_better',
    ),
    stratum(
      'sex',
      [
        ['Female', 760, 4300],
        ['Male', 678, 3914],
      ],
      'lower_is_better',
    ),
  ]);
  // The planted hidden intersectional gap: Black women fare worse than either parent group suggests.
  const ix = intersection(
    'hba1c_poor',
    [
      ['White', 'Female', 350, 2200],
      ['White', 'Male', 350, 2000],
      ['Black or African American', 'Female', 230, 900],
      ['Black or African American', 'Male', 100, 800],
      ['Hispanic or Latino', 'Female', 150, 760],
      ['Hispanic or Latino', 'Male', 140, 740],
    ],
    a1c,
  );
  const measures = [readmit, bp, a1c];
  const all = [...measures.flatMap((m) => m.strata.flatMap((s) => s.groups)), ...ix.groups];
  benjaminiHochberg(all.map((g) => g.pValue)).forEach((q, i) => {
    const g = all[i]!;
    g.qValue = q;
    if (g.label !== 'reference' && q !== null && q < 0.05)
      g.label = (g.excessEvents ?? 0) > 0 ? 'worse' : 'better';
  });
  // The blood-pressure gap narrows after a change in 2025 (a shift signal); readmission's does not move.
  const bpTrend = bp.strata[0]!.trend!;
  bpTrend.gapDirection = 'narrowing';
  bpTrend.gap!.points.slice(-3).forEach((p) => p.signals!.push('trend'));
  const findings: Finding[] = measures.flatMap((m) =>
    m.strata.flatMap((s) =>
      s.groups
        .filter((g) => g.label === 'worse')
        .map((g) => ({
          measure: m.id,
          values: { [s.stratifier]: g.group },
          kind: 'stratum' as const,
          rate: g.rate,
          comparisonRate: s.groups.find((r) => r.group === s.reference)!.rate,
          comparison: s.reference!,
          difference: g.difference,
          ratio: g.ratio,
          excessEvents: g.excessEvents,
          qValue: g.qValue,
          ...(s.trend?.gap?.group === g.group
            ? { gapDirection: s.trend.gapDirection, periods: PERIODS.length }
            : {}),
        })),
    ),
  );
  for (const g of ix.groups.filter((x) => x.label === 'worse')) {
    findings.push({
      measure: ix.measure,
      values: g.values,
      kind: 'intersection',
      rate: g.rate,
      comparisonRate: (g.numerator! + 0) / g.denominator! - g.difference!,
      comparison: 'everyone else',
      difference: g.difference,
      ratio: g.ratio,
      excessEvents: g.excessEvents,
      qValue: g.qValue,
      denominator: g.denominator,
      parents: g.parents,
    });
  }
  findings.sort((a, b) => (b.excessEvents ?? 0) - (a.excessEvents ?? 0));
  const dataset = { version: 3, id: 'v3-2026-11-22', rows: 52_480 };
  const results: ResultsFile = {
    schemaVersion: 1,
    stamp: {
      dataset,
      configHash: 'sha256:9f2c41d07ab3',
      softwareVersion: '0.1.0',
      generatedAt: '2026-11-22T12:00:00Z',
      audience: 'internal',
    },
    dataset,
    settings: { confidence: 0.95, fdr: 0.05, period: 'quarter', suppressionThreshold: 11 },
    measures,
    intersections: [ix],
    findings,
    quality: [
      { field: 'race_ethnicity', known: 26_900, unknown: 700, declined: 1300, missing: 1000, total: 29_900 },
      { field: 'language', known: 29_100, unknown: 200, declined: 100, missing: 500, total: 29_900 },
      { field: 'sex', known: 29_800, unknown: 50, declined: 20, missing: 30, total: 29_900 },
      {
        field: 'gender_identity',
        known: 12_300,
        unknown: 900,
        declined: 2100,
        missing: 14_600,
        total: 29_900,
      },
      {
        field: 'sexual_orientation',
        known: 11_400,
        unknown: 800,
        declined: 2900,
        missing: 14_800,
        total: 29_900,
      },
      {
        field: 'hrsn_housing_instability',
        known: 18_700,
        unknown: 0,
        declined: 400,
        missing: 10_800,
        total: 29_900,
      },
    ],
    warnings: [],
  };
  return audience === 'public' ? suppressResults(results, { threshold: 11 }) : results;
}
