import type { GroupResult, ResultsFile } from '../../model/results.js';

function g(group: string, numerator: number | null, denominator: number | null, suppressed = false): GroupResult {
  const rate = numerator !== null && denominator ? numerator / denominator : null;
  return {
    group, numerator, denominator, rate,
    lower: rate === null ? null : rate * 0.9, upper: rate === null ? null : rate * 1.1,
    difference: null, differenceLower: null, differenceUpper: null,
    ratio: null, ratioLower: null, ratioUpper: null, pValue: null, qValue: null,
    label: 'not_assessed', excessEvents: null, suppressed,
  };
}

/** A small results file shaped like `equilens analyze` output. */
export function fixtureResults(audience: 'internal' | 'public' = 'internal'): ResultsFile {
  const dataset = { version: 3, id: 'demo', rows: 52000 };
  return {
    schemaVersion: 1,
    stamp: { dataset, configHash: 'abc123', softwareVersion: '0.1.0', generatedAt: '2026-11-22T12:00:00Z', audience },
    dataset,
    settings: { confidence: 0.95, fdr: 0.05, period: 'quarter', suppressionThreshold: 11 },
    measures: [{
      id: 'readmit30', title: '30-day readmission', direction: 'lower_is_better',
      overall: { numerator: 1100, denominator: 10000, rate: 0.11, lower: 0.104, upper: 0.116 },
      strata: [{
        stratifier: 'race_ethnicity', reference: 'White', referenceRule: 'largest',
        groups: [g('White', 636, 6000), g('Black or African American', 242, 2000),
          audience === 'public' ? { ...g('Pacific Islander', null, null, true), suppressionReason: 'small_numerator' } : g('Pacific Islander', 4, 40)],
        summary: [], warnings: [],
      }],
      warnings: [],
    }],
    intersections: [],
    findings: [{
      measure: 'readmit30', values: { race_ethnicity: 'Black or African American' }, kind: 'stratum',
      rate: 0.121, comparisonRate: 0.106, comparison: 'White', difference: 0.015, ratio: 1.14,
      excessEvents: 140, qValue: 0.01, gapDirection: 'no_clear_change', periods: 4,
    }],
    warnings: [],
  };
}
