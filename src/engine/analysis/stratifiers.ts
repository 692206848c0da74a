/**
 * Which stratifiers, facets and discovery attributes to analyse. Configured lists are checked against the
 * dataset's columns; by default every standard stratifier (and custom attribute column) that has at least
 * one known value and at most MAX_GROUPS groups is analysed.
 */
import type { AnalysisConfig } from '../../config/analysis.js';
import { invalidConfig, type Warning } from '../../errors.js';
import { PATIENT_COLUMNS, STANDARD_STRATIFIERS } from '../../model/index.js';
import { STATUSES } from '../../model/status.js';
import type { Engine } from '../dialect.js';
import { isIdentifyingName } from '../../suppression/index.js';

export const MAX_GROUPS = 100;
/** Discovery skips attributes with more groups than this (ZIP codes, tracts, free-text). */
export const MAX_DISCOVERY_GROUPS = 12;
/** Left out of discovery by default: 1997-basis duplicates of race_ethnicity, fine geography. */
const NOT_DISCOVERED = new Set(['race', 'ethnicity', 'zip', 'tract', 'county', 'language']);

export interface ColumnStats {
  name: string;
  groups: number;
  known: number;
}

export async function columnsOf(engine: Engine, schema: string, table: string): Promise<Map<string, string>> {
  const rows = await engine.all<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ${engine.param(1)} AND table_name = ${engine.param(2)}`,
    [schema, table],
  );
  return new Map(rows.map((r) => [r.column_name, String(r.data_type).toUpperCase()]));
}

/**
 * Distinct groups and known (non-status) rows of each candidate column, in one query: per column a value
 * histogram (GROUP BY the column) folded to two numbers in SQL — several times faster than COUNT(DISTINCT)
 * and a string condition per column over every row.
 */
export async function columnStats(
  engine: Engine,
  schema: string,
  names: readonly string[],
): Promise<ColumnStats[]> {
  if (names.length === 0) return [];
  const statuses = STATUSES.map((s) => `'${s}'`).join(', ');
  const sql = names
    .map((n, i) => {
      const c = engine.ident(n);
      return `SELECT ${i} AS i, CAST(COUNT(v) AS BIGINT) AS g, CAST(COALESCE(SUM(CASE WHEN v IS NOT NULL AND v NOT IN (${statuses}) THEN n ELSE 0 END), 0) AS BIGINT) AS k
FROM (SELECT ${c} AS v, COUNT(*) AS n FROM ${schema}.patients GROUP BY ${c}) h${i}`;
    })
    .join('\nUNION ALL\n');
  const rows = await engine.all(sql);
  const byIndex = new Map(rows.map((r) => [Number(r.i), r]));
  return names.map((name, i) => ({
    name,
    groups: Number(byIndex.get(i)?.g ?? 0),
    known: Number(byIndex.get(i)?.k ?? 0),
  }));
}

export interface Selection {
  stratifiers: string[];
  facets: string[];
  discovery: string[];
  stats: Map<string, ColumnStats>;
  warnings: Warning[];
}

export async function selectStratifiers(
  engine: Engine,
  schema: string,
  analysis: AnalysisConfig,
): Promise<Selection> {
  const patientCols = await columnsOf(engine, schema, 'patients');
  const unitCols = await columnsOf(engine, schema, 'measure_rows');
  const builtIn = new Set(PATIENT_COLUMNS.map((c) => c.name));
  const candidates = [
    ...STANDARD_STRATIFIERS.filter((s) => patientCols.has(s)),
    ...[...patientCols]
      .filter(([n, t]) => !builtIn.has(n) && (t === 'VARCHAR' || t === 'CHARACTER VARYING' || t === 'TEXT'))
      .map(([n]) => n),
  ];
  const warnings: Warning[] = [];
  const check = (names: readonly string[], cols: Map<string, string>, path: string, kind: string) => {
    const usable = [...cols].filter(([c, t]) => !isIdentifyingName(c) && isCategorical(t)).map(([c]) => c);
    for (const [i, n] of names.entries()) {
      if (!cols.has(n))
        throw invalidConfig(`analysis.${path} names "${n}", which is not a ${kind} of this dataset.`, {
          path: `analysis.${path}.${i}`,
          fix: `Use one of: ${usable.join(', ')}.`,
        });
      const type = cols.get(n)!;
      if (!isCategorical(type))
        throw invalidConfig(
          `analysis.${path} names "${n}", a ${describeType(type)} column: groups are categories (race, payer, age band…), not ${describeType(type)} values.`,
          { path: `analysis.${path}.${i}`, fix: categoricalFix(n, usable) },
        );
    }
  };
  if (analysis.stratifiers) check(analysis.stratifiers, patientCols, 'stratifiers', 'patient attribute');
  check(analysis.facets, unitCols, 'facets', 'measure row column (department, site, clinician_group)');
  for (const combo of analysis.intersections) check(combo, patientCols, 'intersections', 'patient attribute');
  if (analysis.discovery.stratifiers)
    check(analysis.discovery.stratifiers, patientCols, 'discovery.stratifiers', 'patient attribute');

  const stats = new Map(
    (await columnStats(engine, schema, [...new Set([...candidates, ...(analysis.stratifiers ?? [])])])).map(
      (s) => [s.name, s],
    ),
  );
  let stratifiers: string[];
  if (analysis.stratifiers) stratifiers = [...analysis.stratifiers];
  else {
    stratifiers = candidates.filter((n) => {
      const s = stats.get(n);
      if (!s || s.known === 0) return false;
      if (s.groups > MAX_GROUPS) {
        warnings.push({
          code: 'stratifier_skipped',
          message: `${n} has ${s.groups} groups (more than ${MAX_GROUPS}), so it is not analysed by default; list it in analysis.stratifiers to include it.`,
          stratifier: n,
        });
        return false;
      }
      return true;
    });
  }
  const discovery = analysis.discovery.stratifiers
    ? [...analysis.discovery.stratifiers]
    : stratifiers.filter(
        (n) => !NOT_DISCOVERED.has(n) && (stats.get(n)?.groups ?? 0) <= MAX_DISCOVERY_GROUPS,
      );
  return { stratifiers, facets: [...analysis.facets], discovery, stats, warnings };
}

/** Text and yes/no columns are categories; dates, numbers and lists are not (each value its own group). */
const isCategorical = (type: string): boolean =>
  /^(VARCHAR|CHARACTER VARYING|TEXT|BOOLEAN)$/.test(type.toUpperCase());

const describeType = (type: string): string => {
  const t = type.toUpperCase();
  if (/DATE|TIME/.test(t)) return 'date';
  if (t.endsWith('[]') || t === 'ARRAY' || t.startsWith('LIST')) return 'list';
  return 'numeric';
};

function categoricalFix(name: string, usable: readonly string[]): string {
  const instead =
    name === 'birth_date' || name === 'age_years'
      ? 'age_band (age groups derived from it)'
      : name.endsWith('_codes') && usable.includes(name.slice(0, -'_codes'.length))
        ? `${name.slice(0, -'_codes'.length)} (one category per person)`
        : undefined;
  return instead
    ? `Use ${instead} instead.`
    : `Use a categorical attribute (${usable.slice(0, 12).join(', ')}${usable.length > 12 ? ', …' : ''}), or map the value to categories as a custom attribute.`;
}
