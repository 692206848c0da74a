/**
 * The long table of a results file, one row per printed number set, for BI tools (results.csv and
 * results.parquet): overall, overall by period, each group (also within facets), each group by period,
 * each intersectional group. Every row is stamped with the dataset version, config hash and software version.
 * `measure_kind` 'rate' rows (e.g. ED visits) hold events in `numerator` and rates per `multiplier` units;
 * 'proportion' rows hold 0–1 rates (multiplier 1). `reference_rule` names how the comparison group was chosen
 * (largest, named, best, everyone_else; combination for intersections); `measure_unit` what one
 * denominator unit is (person, encounter…). Columns are only ever appended.
 */
import type { GroupResult, ResultsFile, TrendPoint } from '../model/results.js';

export const LONG_COLUMNS = [
  'dataset_version',
  'dataset_id',
  'config_hash',
  'software_version',
  'audience',
  'measure',
  'measure_title',
  'direction',
  'scope',
  'stratifier',
  'group',
  'facet',
  'facet_value',
  'period',
  'reference',
  'numerator',
  'denominator',
  'rate',
  'lower',
  'upper',
  'difference',
  'difference_lower',
  'difference_upper',
  'ratio',
  'ratio_lower',
  'ratio_upper',
  'p_value',
  'q_value',
  'label',
  'excess_events',
  'suppressed',
  'suppression_reason',
  'unstable',
  'measure_kind',
  'multiplier',
  // issue #12: how the comparison group was chosen, and what one denominator unit is
  'reference_rule',
  'measure_unit',
] as const;
export type LongRow = Record<(typeof LONG_COLUMNS)[number], string | number | boolean | null>;

const NUMERIC = new Set<string>([
  'dataset_version',
  'numerator',
  'denominator',
  'rate',
  'lower',
  'upper',
  'difference',
  'difference_lower',
  'difference_upper',
  'ratio',
  'ratio_lower',
  'ratio_upper',
  'p_value',
  'q_value',
  'excess_events',
  'multiplier',
]);
/** DuckDB column types of the long table (for read_csv and Parquet). */
export const LONG_TYPES: Record<string, string> = Object.fromEntries(
  LONG_COLUMNS.map((c) => [
    c,
    c === 'dataset_version'
      ? 'INTEGER'
      : c === 'suppressed' || c === 'unstable'
        ? 'BOOLEAN'
        : NUMERIC.has(c)
          ? 'DOUBLE'
          : 'VARCHAR',
  ]),
);

export function longRows(results: ResultsFile): LongRow[] {
  const stamp = {
    dataset_version: results.dataset.version,
    dataset_id: results.dataset.id,
    config_hash: results.stamp.configHash,
    software_version: results.stamp.softwareVersion,
    audience: results.stamp.audience,
  };
  const out: LongRow[] = [];
  const empty = {
    stratifier: null,
    group: null,
    facet: null,
    facet_value: null,
    period: null,
    reference: null,
    reference_rule: null,
    difference: null,
    difference_lower: null,
    difference_upper: null,
    ratio: null,
    ratio_lower: null,
    ratio_upper: null,
    p_value: null,
    q_value: null,
    label: null,
    excess_events: null,
    suppressed: false,
    suppression_reason: null,
    unstable: null,
  };
  const fromGroup = (g: GroupResult) => ({
    group: g.group,
    numerator: g.numerator,
    denominator: g.denominator,
    rate: g.rate,
    lower: g.lower,
    upper: g.upper,
    difference: g.difference,
    difference_lower: g.differenceLower,
    difference_upper: g.differenceUpper,
    ratio: g.ratio,
    ratio_lower: g.ratioLower,
    ratio_upper: g.ratioUpper,
    p_value: g.pValue,
    q_value: g.qValue,
    label: g.label,
    excess_events: g.excessEvents,
    suppressed: g.suppressed,
    suppression_reason: g.suppressionReason ?? null,
    unstable: g.unstable ?? null,
  });
  const fromPoint = (p: TrendPoint) => ({
    period: p.period,
    numerator: p.numerator,
    denominator: p.denominator,
    rate: p.rate,
    lower: p.lower ?? null,
    upper: p.upper ?? null,
    suppressed: p.suppressed ?? false,
  });
  for (const m of results.measures) {
    const base = {
      ...stamp,
      ...empty,
      measure: m.id,
      measure_title: m.title,
      direction: m.direction,
      measure_kind: m.kind ?? 'proportion',
      multiplier: m.multiplier ?? 1,
      measure_unit: m.unit ?? null,
    };
    out.push({ ...base, scope: 'overall', ...m.overall });
    for (const p of m.trend ?? []) out.push({ ...base, scope: 'overall_period', ...fromPoint(p) });
    for (const s of m.strata) {
      const sb = {
        ...base,
        stratifier: s.stratifier,
        reference: s.reference,
        reference_rule: s.referenceRule,
        facet: s.facet?.name ?? null,
        facet_value: s.facet?.value ?? null,
      };
      for (const g of s.groups)
        out.push({ ...sb, scope: s.facet ? 'facet_group' : 'group', ...fromGroup(g) });
      for (const series of s.trend?.groups ?? [])
        for (const p of series.points)
          out.push({ ...sb, scope: 'group_period', group: series.group, ...fromPoint(p) });
    }
    for (const ix of results.intersections.filter((i) => i.measure === m.id)) {
      const ref = ix.groups.find((g) => g.label === 'reference')?.group ?? null;
      for (const g of ix.groups)
        out.push({
          ...base,
          scope: 'intersection',
          stratifier: ix.stratifiers.join(' × '),
          reference: ref,
          reference_rule: 'combination',
          ...fromGroup(g),
        });
    }
  }
  return out;
}
