/**
 * Cross-source patient merge: when two sources of one ingest (say a FHIR export and a CSV extract) both
 * describe the same patient id, the version must still hold ONE row per person — two would count that
 * person's measure rows twice in every stratified join. Each attribute takes the known value of the
 * latest source in config order (a status — Unknown, Declined, Missing — only when no source knows it);
 * an attribute on which the sources' known values disagree is added to the person's `conflicts`, so the
 * quality report counts it like any other conflict.
 */
import { quoteLiteral, type Engine } from '../engine/dialect.js';
import { STATUSES } from '../model/index.js';

/** Text values that are not a known value: the statuses and empty text. */
const NOT_KNOWN = [...STATUSES, ''].map(quoteLiteral).join(', ');
/** Columns that are provenance, not attributes (also every `*_source` column): never conflicts. */
const NOT_ATTRIBUTES = new Set(['patient_id', 'source', 'conflicts']);

export interface MergeResult {
  /** People present in more than one source, now one row each. */
  merged: number;
}

export async function mergePatientsAcrossSources(
  engine: Engine,
  schema: string,
  sourceOrder: readonly string[],
): Promise<MergeResult> {
  const columns = await engine.all<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_schema = ${engine.param(1)} AND table_name = 'patients' ORDER BY ordinal_position`,
    [schema],
  );
  const ord = `CASE p.source ${sourceOrder.map((s, i) => `WHEN ${quoteLiteral(s)} THEN ${i}`).join(' ')} ELSE -1 END`;
  const select: string[] = [];
  const conflicts: string[] = [];
  for (const { name, type } of columns) {
    if (name === 'patient_id' || name === 'conflicts') continue;
    const c = `p.${engine.ident(name)}`;
    const isText = type.toUpperCase() === 'VARCHAR';
    const known = isText ? `${c} IS NOT NULL AND ${c} NOT IN (${NOT_KNOWN})` : `${c} IS NOT NULL`;
    select.push(
      `COALESCE(arg_max(${c}, ${ord}) FILTER (WHERE ${known}), arg_max(${c}, ${ord}) FILTER (WHERE ${c} IS NOT NULL)) AS ${engine.ident(name)}`,
    );
    if (!NOT_ATTRIBUTES.has(name) && !name.endsWith('_source') && !type.endsWith('[]'))
      conflicts.push(
        `CASE WHEN COUNT(DISTINCT ${c}) FILTER (WHERE ${known}) > 1 THEN ${quoteLiteral(name)} END`,
      );
  }
  const hasConflicts = columns.some((c) => c.name === 'conflicts');
  if (hasConflicts)
    select.push(`CAST(list_distinct(list_concat(
      flatten(list(p.conflicts) FILTER (WHERE p.conflicts IS NOT NULL)),
      list_filter([${conflicts.join(', ') || 'NULL'}], x -> x IS NOT NULL))) AS VARCHAR[]) AS conflicts`);
  // one row per person present more than once; nothing else is touched
  await engine.run(`CREATE TEMP TABLE equilens_merged_patients AS
SELECT p.patient_id, ${select.join(',\n  ')}
FROM ${schema}.patients p
WHERE p.patient_id IN (SELECT patient_id FROM ${schema}.patients GROUP BY patient_id HAVING COUNT(*) > 1)
GROUP BY p.patient_id`);
  try {
    const [row] = await engine.all<{ n: number | bigint }>(
      'SELECT COUNT(*) AS n FROM equilens_merged_patients',
    );
    const merged = Number(row?.n ?? 0);
    if (merged > 0) {
      await engine.run(
        `DELETE FROM ${schema}.patients WHERE patient_id IN (SELECT patient_id FROM equilens_merged_patients)`,
      );
      await engine.run(`INSERT INTO ${schema}.patients BY NAME SELECT * FROM equilens_merged_patients`);
    }
    return { merged };
  } finally {
    await engine.run('DROP TABLE IF EXISTS equilens_merged_patients');
  }
}
