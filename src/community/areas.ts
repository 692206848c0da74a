/**
 * Community reference data: counts by area, attribute and group, with the ACS margin of error (90%) where
 * the source gives one. Two readers, both pure (they take parsed CSV records):
 * - `sviAreas`: the CDC/ATSDR Social Vulnerability Index county or tract file (ACS 5-year estimates).
 * - `longAreas`: a user's ACS-style table `area,attribute,group,estimate[,moe][,denominator]`.
 * Race and ethnicity from SVI is on the 1997 OMB basis: Hispanic (any race), then non-Hispanic races;
 * non-Hispanic White = E_TOTPOP − E_MINRTY (SVI documentation, 2020).
 */
import { invalidInput } from '../errors.js';

export interface CommunityCount {
  area: string;
  attribute: string;
  group: string;
  estimate: number;
  /** 90% margin of error of the estimate (ACS convention), 0 when the source has none. */
  moe: number;
  /** The population the share is of (the area's total population unless the source says otherwise). */
  denominator: number;
}

export interface AreaTable {
  counts: CommunityCount[];
  /** Area → SVI overall percentile rank (0–1), when the source is SVI. */
  svi: Map<string, number>;
  /** Area → display name. */
  names: Map<string, string>;
}

export interface Records {
  file: string;
  header: string[];
  /** Each row's 1-based line number and cells. */
  rows: { line: number; cells: string[] }[];
}

/** SVI column → attribute/group. Race groups are exhaustive: they sum to E_TOTPOP. */
const SVI_GROUPS: ReadonlyArray<[attribute: string, group: string, column: string]> = [
  ['race_ethnicity', 'hispanic', 'HISP'],
  ['race_ethnicity', 'black', 'AFAM'],
  ['race_ethnicity', 'asian', 'ASIAN'],
  ['race_ethnicity', 'aian', 'AIAN'],
  ['race_ethnicity', 'nhpi', 'NHPI'],
  ['race_ethnicity', 'multiple', 'TWOMORE'],
  ['race_ethnicity', 'other', 'OTHERRACE'],
  ['uninsured', 'yes', 'UNINSUR'],
  ['limited_english', 'yes', 'LIMENG'],
  ['disability', 'yes', 'DISABL'],
  ['age', '65+', 'AGE65'],
  ['age', '0-17', 'AGE17'],
];

const MISSING = -999;

function columnIndex(rec: Records, name: string): number {
  const i = rec.header.findIndex((h) => h.replace(/^\ufeff/, '').trim() === name);
  if (i < 0) {
    throw invalidInput(`The community file has no column "${name}".`, {
      file: rec.file,
      line: 1,
      column: name,
      fix: 'Give the CDC/ATSDR SVI county or tract file unchanged (it has E_TOTPOP, E_HISP, … columns).',
    });
  }
  return i;
}

function numberAt(rec: Records, row: Records['rows'][number], i: number): number | null {
  const raw = (row.cells[i] ?? '').trim();
  const v = Number(raw);
  if (raw === '' || !Number.isFinite(v)) {
    throw invalidInput(`"${raw}" is not a number.`, {
      file: rec.file,
      line: row.line,
      column: rec.header[i],
      fix: 'SVI estimates are numbers; missing values are -999.',
    });
  }
  return v === MISSING ? null : v;
}

/** One SVI row's counts (missing estimates are left out). */
function sviRow(rec: Records, row: Records['rows'][number], col: (n: string) => number): CommunityCount[] {
  const area = (row.cells[col(rec.header.includes('FIPS') ? 'FIPS' : 'STCNTY')] ?? '').trim();
  const total = numberAt(rec, row, col('E_TOTPOP'));
  if (total === null || total <= 0) return [];
  const totalMoe = numberAt(rec, row, col('M_TOTPOP')) ?? 0;
  const at = (prefix: string, c: string) => numberAt(rec, row, col(`${prefix}_${c}`));
  const out: CommunityCount[] = [];
  const push = (attribute: string, group: string, estimate: number | null, moe: number | null) => {
    if (estimate !== null) out.push({ area, attribute, group, estimate, moe: moe ?? 0, denominator: total });
  };
  for (const [attribute, group, c] of SVI_GROUPS) push(attribute, group, at('E', c), at('M', c));
  const minority = at('E', 'MINRTY');
  const minorityMoe = at('M', 'MINRTY');
  // Non-Hispanic White = total − minority; MOE of a difference: √(MOE₁² + MOE₂²) (ACS Handbook 2018, ch. 8).
  if (minority !== null)
    push('race_ethnicity', 'white', total - minority, Math.hypot(totalMoe, minorityMoe ?? 0));
  const a65 = at('E', 'AGE65');
  const a17 = at('E', 'AGE17');
  if (a65 !== null && a17 !== null)
    push(
      'age',
      '18-64',
      total - a65 - a17,
      Math.hypot(totalMoe, at('M', 'AGE65') ?? 0, at('M', 'AGE17') ?? 0),
    );
  return out;
}

/** Read the CDC/ATSDR SVI county (or tract) file. */
export function sviAreas(rec: Records): AreaTable {
  const col = (n: string) => columnIndex(rec, n);
  const counts: CommunityCount[] = [];
  const svi = new Map<string, number>();
  const names = new Map<string, string>();
  const hasName = rec.header.includes('LOCATION');
  const areaCol = col(rec.header.includes('FIPS') ? 'FIPS' : 'STCNTY');
  for (const row of rec.rows) {
    counts.push(...sviRow(rec, row, col));
    const area = (row.cells[areaCol] ?? '').trim();
    const rank = numberAt(rec, row, col('RPL_THEMES'));
    if (rank !== null) svi.set(area, rank);
    if (hasName) names.set(area, row.cells[col('LOCATION')] ?? area);
  }
  return { counts, svi, names };
}

/** Read an ACS-style long table: area, attribute, group, estimate, optional moe and denominator. */
export function longAreas(rec: Records): AreaTable {
  const col = (n: string) => columnIndex(rec, n);
  const opt = (n: string) => rec.header.indexOf(n);
  const [ai, ti, gi, ei, mi, di] = [
    col('area'),
    col('attribute'),
    col('group'),
    col('estimate'),
    opt('moe'),
    opt('denominator'),
  ];
  const counts = rec.rows.map((row) => {
    const num = (i: number) => (i < 0 || (row.cells[i] ?? '').trim() === '' ? null : numberAt(rec, row, i));
    return {
      area: (row.cells[ai] ?? '').trim(),
      attribute: (row.cells[ti] ?? '').trim(),
      group: (row.cells[gi] ?? '').trim(),
      estimate: num(ei) ?? 0,
      moe: num(mi) ?? 0,
      denominator: num(di) ?? NaN,
    };
  });
  fillDenominators(counts);
  return { counts, svi: new Map(), names: new Map() };
}

/** A missing denominator is the sum of the attribute's groups in the area (groups are then exhaustive). */
function fillDenominators(counts: CommunityCount[]): void {
  const sums = new Map<string, number>();
  for (const c of counts)
    sums.set(`${c.area}\t${c.attribute}`, (sums.get(`${c.area}\t${c.attribute}`) ?? 0) + c.estimate);
  for (const c of counts)
    if (!Number.isFinite(c.denominator)) c.denominator = sums.get(`${c.area}\t${c.attribute}`) ?? 0;
}
