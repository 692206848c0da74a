/**
 * From the aggregates of one engine pass to the results of the run (everything but the stamp):
 * overall rates, strata (also within facets), intersections, q-values across the run, labels, summary
 * measures, standardised rates, trends, discovery and ranked findings (rank.ts). Pure apart from the Cube lookups.
 * Summary measures and trends are computed for whole-system strata only (not within each facet value):
 * HEAT's simulated intervals cost ~10 ms a stratum, and facets multiply strata by their values.
 */
import type { AnalysisConfig } from '../config/analysis.js';
import type { Warning } from '../errors.js';
import type { Finding, IntersectionResult, MeasureResult, StratumResult } from '../model/results.js';
import { describeGroup } from './compare.js';
import type { Cube } from './cube.js';
import { discover } from './discovery.js';
import { intersectionFindings, strataFindings } from './findings.js';
import { rankFindings } from './rank.js';
import { buildIntersection } from './intersections.js';
import { applyQValues } from './labels.js';
import { rateMultiplier, type MeasureInfo } from './measure-info.js';
import { combinations } from './plan.js';
import { referenceRule } from './reference.js';
import { standardiseStratum, standardPopulation } from './standardise.js';
import { buildStratum } from './stratum.js';
import { summaryMeasures } from './summary.js';
import { buildTrend, seriesOf, trendPoints } from './trend.js';

export interface BuildInput {
  cube: Cube;
  measures: readonly MeasureInfo[];
  analysis: AnalysisConfig;
  stratifiers: readonly string[];
  facets: readonly string[];
  discovery: readonly string[];
  /** Has the plan age-band sets (standardisation requested and an age_band column present)? */
  standardize: boolean;
}

export interface BuiltResults {
  measures: MeasureResult[];
  intersections: IntersectionResult[];
  findings: Finding[];
  discovery: { tested: number; found: number; combinations: number };
  warnings: Warning[];
}

/** The discovery combinations of a selection (2 … depth attributes). */
export const discoveryCombos = (attrs: readonly string[], depth: number): string[][] =>
  combinations(attrs, 2, depth);

export function buildResults(input: BuildInput): BuiltResults {
  const { cube, analysis } = input;
  const level = analysis.confidence;
  const warnings: Warning[] = [];
  const withPeriod = analysis.period !== 'none';
  const standard = analysis.standardize ? standardPopulation(analysis.standardize.standard) : null;
  if (analysis.standardize && !standard)
    warnings.push({
      code: 'unknown_standard',
      message: `Unknown standard population "${analysis.standardize.standard}"; use us2000 or esp2013. Rates were not standardised.`,
    });
  if (analysis.standardize && !input.standardize)
    warnings.push({
      code: 'no_age_band',
      message: 'Age standardisation needs an age_band attribute; rates were not standardised.',
    });

  const measures: MeasureResult[] = input.measures.map((info) => {
    const overallCell = cube.get(info.id, {}) ?? { numerator: 0, denominator: 0 };
    const multiplier = rateMultiplier(info);
    const o = describeGroup('overall', overallCell, level, multiplier);
    const mWarnings: Warning[] = [];
    if (overallCell.denominator === 0)
      mWarnings.push({
        code: 'no_data',
        message: `Measure ${info.id} has no rows in its denominator in this dataset.`,
      });
    const strata: StratumResult[] = [];
    for (const s of input.stratifiers) {
      const rule = referenceRule(analysis.reference, s);
      strata.push(buildStratum({ cube, measure: info, stratifier: s, rule, level }));
      for (const f of input.facets) {
        const values = cube
          .list(info.id, [f])
          .map((c) => c.values[f] as string)
          .sort();
        for (const value of values)
          strata.push(
            buildStratum({ cube, measure: info, stratifier: s, rule, level, facet: { name: f, value } }),
          );
      }
    }
    return {
      id: info.id,
      title: info.title,
      direction: info.direction,
      ...(multiplier !== undefined ? { kind: 'rate' as const, multiplier } : {}),
      ...(info.type ? { type: info.type } : {}),
      ...(info.unit ? { unit: info.unit } : {}),
      ...(info.description ? { description: info.description } : {}),
      ...(info.definition ? { definition: info.definition } : {}),
      overall: {
        numerator: o.numerator,
        denominator: o.denominator,
        rate: o.rate,
        lower: o.lower,
        upper: o.upper,
      },
      strata: strata.filter((s) => s.groups.length > 0),
      ...(withPeriod ? { trend: trendPoints(seriesOf(cube, info.id, {}), multiplier) } : {}),
      warnings: mWarnings,
    };
  });

  const intersections = input.measures.flatMap((info, i) =>
    analysis.intersections.map((combo) => buildIntersection(cube, info, combo, measures[i]!, level)),
  );
  applyQValues(measures, intersections, analysis.fdr);

  measures.forEach((m, i) => {
    const info = input.measures[i]!;
    const multiplier = rateMultiplier(info);
    for (const s of m.strata) {
      if (!s.facet) s.summary = summaryMeasures(s, info.direction, m.overall.rate, level, multiplier);
      if (standard && input.standardize)
        s.warnings.push(...standardiseStratum(cube, info.id, s, standard, level, multiplier));
      if (withPeriod && !s.facet) s.trend = buildTrend(cube, info.id, s, info.direction, level, multiplier);
    }
  });

  const combos = analysis.discovery.enabled ? discoveryCombos(input.discovery, analysis.discovery.depth) : [];
  const found = discover(cube, input.measures, {
    combos,
    minSize: analysis.discovery.min_size,
    fdr: analysis.discovery.fdr,
    level,
  });
  const ranked = rankFindings(
    [
      ...strataFindings(measures, level),
      ...intersectionFindings(intersections, measures, level),
      ...found.findings,
    ],
    new Map(input.measures.map((m) => [m.id, m.type])),
    analysis.ranking,
  );
  warnings.push(...ranked.warnings);
  const findings = ranked.findings;
  return {
    measures,
    intersections,
    findings,
    discovery: { tested: found.tested, found: found.findings.length, combinations: combos.length },
    warnings,
  };
}
