/**
 * Values that are loaded, but not as written, counted (warnings are data, with counts, never values):
 * - a birth date that is not a date: the unit is kept, the person's age is Unknown (`birth_date_invalid`);
 * - a 4-digit ZIP code (a leading zero lost, e.g. in a spreadsheet): read with the zero put back
 *   (`zip_padded`). ZIP+4 codes (`2139-1234`) likewise.
 * Counted over the person groups (one row per person and distinct source values), not the rows.
 */
import type { Engine } from '../../engine/dialect.js';
import type { Warning } from '../../errors.js';
import type { AttributePlan } from './attributes.js';
import { dateSql, GROUP_ROWS } from './resolve-sql.js';
import { SHORT_ZIP } from './zip-sql.js';

// The ZIP helpers live in zip-sql.ts (resolve-sql.ts uses them too); re-exported for existing imports.
export { SHORT_ZIP, zipSql } from './zip-sql.js';

export async function attributeWarnings(
  engine: Engine,
  o: { groups: string; pid: string; plans: readonly AttributePlan[]; file: string },
): Promise<Warning[]> {
  const birth = o.plans.find((p) => p.target === 'birth_date');
  const zip = o.plans.find((p) => p.key === 'zip' && p.kind === 'text');
  if (!birth && !zip) return [];
  const c = (p: AttributePlan) => `s.${engine.ident(p.column)}`;
  const pid = `s.${engine.ident(o.pid)}`;
  const parts: string[] = [];
  if (birth) {
    const bad = `${c(birth)} IS NOT NULL AND ${dateSql(c(birth))} IS NULL`;
    parts.push(
      `SUM(s.${GROUP_ROWS}) FILTER (WHERE ${bad}) AS bd_rows, COUNT(DISTINCT ${pid}) FILTER (WHERE ${bad}) AS bd_people`,
    );
  }
  if (zip) {
    const short = `regexp_full_match(${c(zip)}, '${SHORT_ZIP}')`;
    parts.push(
      `SUM(s.${GROUP_ROWS}) FILTER (WHERE ${short}) AS zip_rows, COUNT(DISTINCT ${pid}) FILTER (WHERE ${short}) AS zip_people`,
    );
  }
  const [row] = await engine.all<Record<string, number | null>>(
    `SELECT ${parts.join(', ')} FROM ${o.groups} s`,
  );
  const n = (k: string) => Number(row?.[k] ?? 0);
  const out: Warning[] = [];
  if (birth && n('bd_rows') > 0) {
    out.push({
      code: 'birth_date_invalid',
      message: `${n('bd_rows')} row(s) (${n('bd_people')} people) in ${o.file} have a birth date (column ${birth.column}) that is not a date: they are loaded with age Unknown, counted under age_band in the quality report. Use YYYY-MM-DD (or MM/DD/YYYY).`,
      column: birth.column,
      rows: n('bd_rows'),
      people: n('bd_people'),
    });
  }
  if (zip && n('zip_rows') > 0) {
    out.push({
      code: 'zip_padded',
      message: `${n('zip_rows')} row(s) (${n('zip_people')} people) in ${o.file} have a 4-digit ZIP code (column ${zip.column}), a leading zero lost (e.g. in a spreadsheet): read with the zero put back. Export ZIP codes as text to keep it.`,
      column: zip.column,
      rows: n('zip_rows'),
      people: n('zip_people'),
    });
  }
  return out;
}
