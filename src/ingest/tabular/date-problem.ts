/**
 * What is wrong with a value that is not a date, in words ("month 13 does not exist"), as SQL. Used only on
 * rejected rows. The reason names the part that is wrong, never the whole value (a birth date is
 * identifying).
 */

const USE = 'use YYYY-MM-DD (or MM/DD/YYYY)';
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Reason SQL for a date text `v` whose year, month and day are the SQL integers y, m, d. */
function partsProblem(y: string, m: string, d: string, form: string): string {
  const days = `day(last_day(make_date(${y}, ${m}, 1)))`;
  return `CASE WHEN ${m} < 1 OR ${m} > 12 THEN 'month ' || ${m} || ' does not exist (read as ${form}; months are 1-12)'
    WHEN ${d} < 1 OR ${d} > ${days} THEN 'day ' || ${d} || ' does not exist in month ' || ${m} || ' (it has ' || ${days} || ' days that year; read as ${form})'
    ELSE ${lit(`not a date: ${USE}`)} END`;
}

const part = (v: string, re: string, i: number) =>
  `TRY_CAST(regexp_extract(${v}, ${lit(re)}, ${i}) AS INTEGER)`;

/** SQL: the reason a date text `v` (not NULL, not parseable) is not a date. */
export function dateProblemSql(v: string): string {
  const iso = '^(\\d{4})-(\\d{1,2})-(\\d{1,2})$';
  const us = '^(\\d{1,2})/(\\d{1,2})/(\\d{4})$';
  return `CASE
    WHEN regexp_full_match(${v}, ${lit(iso)}) THEN ${partsProblem(part(v, iso, 1), part(v, iso, 2), part(v, iso, 3), 'YYYY-MM-DD')}
    WHEN regexp_full_match(${v}, ${lit(us)}) THEN ${partsProblem(part(v, us, 3), part(v, us, 1), part(v, us, 2), 'MM/DD/YYYY')}
    WHEN regexp_full_match(${v}, '\\d{8}') THEN ${lit(`not a date: 8 digits without separators; ${USE}`)}
    ELSE ${lit(`not a date: ${USE}`)} END`;
}
