/**
 * The WHO HEAT Plus upload layout (one row per subgroup of a setting × date × indicator × dimension) read
 * into strata, and the WHO HEAT summary measures of each (src/stats/inequality). Used by
 * `equilens inequality`; no CLI syntax here, so a server can take the same files.
 *
 * An absent column or an empty cell takes HEAT's default. An empty estimate is a missing estimate (HEAT 6
 * still computes non-ordered measures with up to 15% missing).
 */
import { invalidInput, type Warning } from '../../errors.js';
import {
  applicableMeasures,
  INEQUALITY_MEASURES,
  inequalityMeasures,
  type InequalityMeasureCode,
  type InequalitySubgroup,
} from '../../stats/inequality/index.js';
import { optionalNumber, requireColumns, type Table, type TableRow } from './read-table.js';

/** Every column the layout uses, with its meaning and default (others, such as iso3, are ignored). */
export const HEAT_COLUMNS: readonly { name: string; required: boolean; meaning: string }[] = [
  { name: 'setting', required: true, meaning: 'the country or area' },
  { name: 'date', required: true, meaning: 'the year or period' },
  { name: 'indicator_abbr', required: true, meaning: 'the indicator (e.g. sba)' },
  { name: 'dimension', required: true, meaning: 'the inequality dimension (e.g. Economic status)' },
  { name: 'subgroup', required: true, meaning: 'the subgroup within the dimension' },
  { name: 'estimate', required: true, meaning: 'the subgroup estimate; empty = missing' },
  { name: 'se', required: false, meaning: 'standard error of the estimate (for intervals)' },
  { name: 'population', required: false, meaning: 'subgroup population (for weighted measures)' },
  { name: 'setting_average', required: false, meaning: 'the setting-wide estimate' },
  {
    name: 'favourable_indicator',
    required: false,
    meaning:
      '1 = higher is better (coverage), 0 = lower is better (mortality); default 1, stated when assumed',
  },
  {
    name: 'indicator_scale',
    required: false,
    meaning: '100 percentages, 1 proportions, 1000 per 1000; default 100',
  },
  { name: 'ordered_dimension', required: false, meaning: '1 = ordered (wealth quintiles); default 0' },
  {
    name: 'subgroup_order',
    required: false,
    meaning: 'ordered dimensions: 1 = most disadvantaged … n; default 0',
  },
  { name: 'reference_subgroup', required: false, meaning: '1 on the reference subgroup; default 0' },
];

export const REQUIRED_COLUMNS = HEAT_COLUMNS.filter((c) => c.required).map((c) => c.name);

export interface HeatStratum {
  setting: string;
  date: string;
  indicator: string;
  dimension: string;
  favourable: boolean;
  /** favourable_indicator was absent (no column, or empty cells): HEAT's default 1 was assumed. */
  favourableAssumed: boolean;
  scale: number;
  ordered: boolean;
  settingAverage: number | null;
  rows: { row: TableRow; subgroup: InequalitySubgroup }[];
}

export interface HeatResultRow {
  setting: string;
  date: string;
  indicator: string;
  dimension: string;
  measure: InequalityMeasureCode;
  estimate: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  warnings: { code: string; message: string; [key: string]: unknown }[];
}

/** A 0/1 flag; an empty cell or absent column gives the default. */
function flag(row: TableRow, column: string, file: string, fallback: 0 | 1): 0 | 1 {
  const raw = row.values[column];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '0' || raw === '1') return raw === '1' ? 1 : 0;
  throw invalidInput(`${file} line ${row.line}: column "${column}" must be 0 or 1.`, {
    file,
    line: row.line,
    column,
    fix: `Write 1 or 0 in "${column}" (HEAT Plus upload convention).`,
  });
}

/** Read the rows into strata (setting × date × indicator × dimension), in first-appearance order. */
export function readHeatStrata(table: Table): HeatStratum[] {
  const file = table.file;
  requireColumns(table, REQUIRED_COLUMNS);
  const strata = new Map<string, HeatStratum>();
  for (const row of table.rows) {
    const v = row.values;
    const blank = REQUIRED_COLUMNS.find((c) => c !== 'estimate' && (v[c] ?? '') === '');
    if (blank) {
      throw invalidInput(`${file} line ${row.line}: column "${blank}" is empty.`, {
        file,
        line: row.line,
        column: blank,
        fix: `Fill in "${blank}" on every row (only "estimate" may be empty, for a missing estimate).`,
      });
    }
    const key = JSON.stringify([v.setting, v.date, v.indicator_abbr, v.dimension]);
    const favourable = flag(row, 'favourable_indicator', file, 1) === 1;
    const assumed = (v.favourable_indicator ?? '') === '';
    const ordered = flag(row, 'ordered_dimension', file, 0) === 1;
    const scale = optionalNumber(row, 'indicator_scale', file) ?? 100;
    if (scale <= 0) {
      throw invalidInput(`${file} line ${row.line}: column "indicator_scale" must be positive.`, {
        file,
        line: row.line,
        column: 'indicator_scale',
        fix: 'Use 100 for percentages, 1 for proportions, 1000 for rates per 1000, …',
      });
    }
    const settingAverage = optionalNumber(row, 'setting_average', file);
    let stratum = strata.get(key);
    if (!stratum) {
      stratum = {
        setting: v.setting ?? '',
        date: v.date ?? '',
        indicator: v.indicator_abbr ?? '',
        dimension: v.dimension ?? '',
        favourable,
        favourableAssumed: assumed,
        scale,
        ordered,
        settingAverage,
        rows: [],
      };
      strata.set(key, stratum);
    } else {
      stratum.favourableAssumed &&= assumed;
      const clash = (
        [
          ['favourable_indicator', stratum.favourable === favourable],
          ['indicator_scale', stratum.scale === scale],
          ['ordered_dimension', stratum.ordered === ordered],
        ] as const
      ).find(([, same]) => !same);
      if (clash) {
        throw invalidInput(
          `${file} line ${row.line}: "${clash[0]}" differs from earlier rows of the same setting, date, indicator and dimension.`,
          {
            file,
            line: row.line,
            column: clash[0],
            fix: `Give one "${clash[0]}" value for every subgroup of indicator ${stratum.indicator}, dimension ${stratum.dimension}.`,
          },
        );
      }
    }
    const name = v.subgroup ?? '';
    if (stratum.rows.some((r) => r.subgroup.name === name)) {
      throw invalidInput(`${file} line ${row.line}: subgroup "${name}" appears twice in the same stratum.`, {
        file,
        line: row.line,
        column: 'subgroup',
        fix: 'Give each subgroup once per setting, date, indicator and dimension.',
      });
    }
    const reference = flag(row, 'reference_subgroup', file, 0) === 1;
    if (reference && ordered) {
      throw invalidInput(`${file} line ${row.line}: an ordered dimension cannot have a reference subgroup.`, {
        file,
        line: row.line,
        column: 'reference_subgroup',
        fix: 'Set reference_subgroup to 0 on ordered dimensions (WHO HEAT compares their extremes).',
      });
    }
    stratum.rows.push({
      row,
      subgroup: {
        name,
        estimate: optionalNumber(row, 'estimate', file),
        se: optionalNumber(row, 'se', file, { min: 0 }),
        population: optionalNumber(row, 'population', file, { min: 0 }),
        order: ordered ? optionalNumber(row, 'subgroup_order', file, { integer: true }) : null,
        reference,
      },
    });
  }
  for (const s of strata.values()) checkStratum(s, file);
  return [...strata.values()];
}

/** Ordered dimensions need subgroup_order exactly 1..n; at most one reference subgroup. */
function checkStratum(s: HeatStratum, file: string): void {
  const where = `indicator ${s.indicator}, dimension ${s.dimension} (${s.setting} ${s.date})`;
  const refs = s.rows.filter((r) => r.subgroup.reference);
  if (refs.length > 1) {
    throw invalidInput(`${file} line ${refs[1]!.row.line}: ${where} has more than one reference subgroup.`, {
      file,
      line: refs[1]!.row.line,
      column: 'reference_subgroup',
      fix: 'Mark at most one subgroup per stratum with reference_subgroup = 1.',
    });
  }
  if (!s.ordered) return;
  const n = s.rows.length;
  const seen = new Set<number>();
  for (const { row, subgroup } of s.rows) {
    const o = subgroup.order;
    if (o === null || o === undefined || o < 1 || o > n || seen.has(o)) {
      throw invalidInput(
        `${file} line ${row.line}: subgroup_order ${o ?? '(empty)'} is not valid for ${where}: the ${n} subgroups of an ordered dimension must be numbered 1 to ${n}, each once.`,
        {
          file,
          line: row.line,
          column: 'subgroup_order',
          fix: `Number the subgroups 1..${n}, 1 = most disadvantaged (e.g. poorest quintile), ${n} = most advantaged.`,
        },
      );
    }
    seen.add(o);
  }
}

/**
 * Every requested measure of every stratum. `applicable`: the measures defined on the stratum's kind of
 * dimension (the applicability registry, src/stats/inequality/applicability.ts).
 */
export function computeHeatResults(
  strata: readonly HeatStratum[],
  measures: InequalityMeasureCode[] | 'applicable',
  level: number,
): HeatResultRow[] {
  return strata.flatMap((s) => {
    const results = inequalityMeasures(
      {
        subgroups: s.rows.map((r) => r.subgroup),
        favourable: s.favourable,
        ordered: s.ordered,
        scale: s.scale,
        settingAverage: s.settingAverage,
        level,
      },
      measures === 'applicable' ? applicableMeasures(s.ordered, INEQUALITY_MEASURES) : measures,
    );
    return results.map((r) => ({
      setting: s.setting,
      date: s.date,
      indicator: s.indicator,
      dimension: s.dimension,
      measure: r.measure,
      estimate: r.estimate,
      se: r.se,
      lower: r.lower,
      upper: r.upper,
      warnings: r.warnings,
    }));
  });
}

/** One warning per stratum whose direction was assumed (favourable_indicator absent). */
export function assumedDirections(strata: readonly HeatStratum[]): Warning[] {
  return strata
    .filter((s) => s.favourableAssumed)
    .map((s) => ({
      code: 'assumed_favourable',
      message: `favourable_indicator is absent for indicator ${s.indicator}, dimension ${s.dimension} (${s.setting} ${s.date}): assumed 1, higher is better (the WHO HEAT default). Give 0 for an indicator where lower is better, such as mortality.`,
      setting: s.setting,
      date: s.date,
      indicator: s.indicator,
      dimension: s.dimension,
    }));
}
