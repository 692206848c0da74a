/**
 * `equilens inequality FILE` — the WHO HEAT summary measures of inequality from a file in the WHO HEAT Plus
 * upload layout, so HEAT users can bring their files. One result per setting × date × indicator × dimension
 * × measure.
 *
 * Columns used (others, such as indicator_name or iso3, are ignored): setting, date, indicator_abbr,
 * dimension, subgroup, estimate (required); se, population, setting_average, favourable_indicator (default 1),
 * indicator_scale (default 100), ordered_dimension (default 0), subgroup_order (default 0),
 * reference_subgroup (default 0) — an absent column or an empty cell takes HEAT's default. An empty estimate
 * is a missing estimate (HEAT 6 still computes non-ordered measures with up to 15% missing).
 */
import { Command, Option } from 'commander';
import { invalidInput, usageError } from '../../errors.js';
import {
  INEQUALITY_MEASURES,
  inequalityMeasures,
  isInequalityMeasureCode,
  type InequalityMeasureCode,
  type InequalitySubgroup,
} from '../../stats/inequality/index.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { formatCsv, formatJson, formatTable, parseFormat } from '../output.js';
import { optionalNumber, readTable, requireColumns, type Table, type TableRow } from '../read-table.js';

export const REQUIRED_COLUMNS = ['setting', 'date', 'indicator_abbr', 'dimension', 'subgroup', 'estimate'];

export interface HeatStratum {
  setting: string;
  date: string;
  indicator: string;
  dimension: string;
  favourable: boolean;
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
        scale,
        ordered,
        settingAverage,
        rows: [],
      };
      strata.set(key, stratum);
    } else {
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

/** Parse `--measures`: "applicable" (default), "all", or a comma list of HEAT codes. */
export function parseMeasures(value: string | undefined): InequalityMeasureCode[] | 'applicable' {
  if (value === undefined || value === 'applicable') return 'applicable';
  if (value === 'all') return [...INEQUALITY_MEASURES];
  return value.split(',').map((raw) => {
    const code = raw.trim().toUpperCase();
    if (!isInequalityMeasureCode(code)) {
      throw usageError(`--measures: "${raw.trim()}" is not a WHO HEAT measure.`, {
        fix: `Use "all", "applicable" or codes from: ${INEQUALITY_MEASURES.join(', ')}.`,
      });
    }
    return code;
  });
}

const STRUCTURAL = new Set(['needs_ordered_dimension', 'needs_non_ordered_dimension']);

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
      measures === 'applicable' ? INEQUALITY_MEASURES : measures,
    ).filter((r) => measures !== 'applicable' || !r.warnings.some((w) => STRUCTURAL.has(w.code)));
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

interface InequalityOptions {
  format?: string;
  measures?: string;
  level?: string;
}

function parseLevel(value: string | undefined): number {
  if (value === undefined) return 0.95;
  const n = Number(value);
  const level = n > 1 && n < 100 ? n / 100 : n;
  if (!Number.isFinite(level) || level < 0.5 || level >= 1) {
    throw usageError(`--level "${value}" is not a confidence level.`, { fix: 'e.g. --level 0.95 (or 95).' });
  }
  return level;
}

export function inequalityCommand(ctx: CliContext): Command {
  const cmd = new Command('inequality')
    .description('WHO HEAT summary measures of inequality from a HEAT Plus upload file')
    .argument(
      '<file>',
      'CSV in the WHO HEAT Plus upload layout (setting, date, indicator_abbr, dimension, …)',
    )
    .addOption(
      new Option(
        '--measures <codes>',
        '"applicable" (measures that fit each dimension type), "all" (all 21), or codes, e.g. D,R,PAF,SII',
      ).default('applicable'),
    )
    .option('--level <level>', 'confidence level of the intervals', '0.95')
    .addOption(commonOptions.format(['table', 'json', 'csv']))
    .action((file: string, opts: InequalityOptions) => {
      const format = parseFormat(opts.format, ['table', 'json', 'csv']);
      const measures = parseMeasures(opts.measures);
      const level = parseLevel(opts.level);
      const strata = readHeatStrata(readTable(file, ctx.io.cwd));
      const results = computeHeatResults(strata, measures, level);
      if (format === 'json') {
        ctx.io.out(formatJson({ results }));
        return;
      }
      const digits = format === 'table' ? 4 : undefined;
      const num = (x: number | null) => (x === null || digits === undefined ? x : +x.toFixed(digits));
      const rows = results.map((r) => ({
        ...r,
        estimate: num(r.estimate),
        se: num(r.se),
        lower: num(r.lower),
        upper: num(r.upper),
        warnings: r.warnings.map((w) => w.code).join(';'),
      }));
      ctx.io.out(format === 'csv' ? formatCsv(rows) : formatTable(rows));
    });
  return withExamples(
    cmd,
    'equilens inequality heat-upload.csv --format json',
    'equilens inequality heat-upload.csv --measures D,R,PAF,SII,RII --format csv',
  );
}
