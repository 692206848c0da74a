/**
 * Staged rows → the dataset schema's clinical tables and rejections. A resource whose patient reference
 * points at no Patient of the source is rejected (file, line, reason) and none of its rows load; a second
 * Patient with an id already read is rejected as a duplicate.
 */
import type { Engine } from '../../engine/dialect.js';
import { quoteLiteral } from '../../engine/dialect.js';
import { CLINICAL_TABLES, type ClinicalTable } from '../../model/clinical.js';
import { INSTRUMENT_PANELS } from '../../measures/sdoh/index.js';
import type { Sinks } from './stage-loader.js';

const lit = quoteLiteral;
const EVENT_TABLES = [
  'encounters',
  'conditions',
  'observations',
  'procedures',
  'medications',
  'immunizations',
] as const;

/**
 * Per file index: resources rejected in SQL (missing patient, duplicate Patient); `orphans` is true when
 * some resource references a missing patient.
 */
export async function rejectInSql(
  engine: Engine,
  schema: string,
  source: string,
  duplicates: boolean,
): Promise<{ byFile: Map<number, number>; orphans: boolean }> {
  // Without duplicate Patient ids (known from reading), every staged Patient is kept as is.
  await engine.run(
    duplicates
      ? `CREATE OR REPLACE TEMP TABLE fhir_pat_ok AS SELECT * EXCLUDE (_rn) FROM (SELECT *,
           ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY _file, _line) AS _rn FROM fhir_pat) WHERE _rn = 1`
      : 'CREATE OR REPLACE TEMP VIEW fhir_pat_ok AS SELECT * FROM fhir_pat',
  );
  const dupRejections = duplicates
    ? `UNION ALL
    SELECT _file, _line, 'id', 'Patient', 'Duplicate Patient id: a Patient with this id was already read; the first one is kept.'
    FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY patient_id ORDER BY _file, _line) AS _rn FROM fhir_pat) WHERE _rn > 1`
    : '';
  await engine.run(`CREATE OR REPLACE TEMP TABLE fhir_sql_rej AS
    SELECT r._file, r._line, r.field AS column_name, r.resource_type AS value,
      r.resource_type || ' references a Patient that is not in this source; load the Patient resource too (e.g. Patient.ndjson of the same export).' AS reason
    FROM fhir_res r ANTI JOIN fhir_pat_ok p USING (patient_id)
    ${dupRejections}`);
  await engine.run(`INSERT INTO ${schema}.rejections (source, file, line, column_name, value, reason)
    SELECT ${lit(source)}, f.path, r._line, r.column_name, r.value, r.reason
    FROM (SELECT * FROM fhir_rej UNION ALL SELECT * FROM fhir_sql_rej) r JOIN fhir_files f ON f.idx = r._file
    ORDER BY r._file, r._line`);
  const rows = await engine.all<{ f: number; n: number; orphans: number }>(
    `SELECT _file AS f, COUNT(*) AS n, COUNT(*) FILTER (WHERE column_name <> 'id') AS orphans
     FROM fhir_sql_rej GROUP BY _file`,
  );
  return { byFile: new Map(rows.map((r) => [r.f, r.n])), orphans: rows.some((r) => r.orphans > 0) };
}

/**
 * Sinks that load staged clinical rows straight into the dataset schema's tables while reading goes on
 * (with source name and file path from `fhir_files`, which must exist first).
 */
export function eventSinks(schema: string, source: string): Sinks {
  const sinks: Sinks = {};
  for (const table of EVENT_TABLES) {
    const cols = CLINICAL_TABLES[table as ClinicalTable]
      .map((c) => c.name)
      .filter((c) => c !== 'source' && c !== 'source_file');
    sinks[table] = (select) => `INSERT INTO ${schema}.${table} (${cols.join(', ')}, source, source_file)
      SELECT ${cols.map((c) => `e.${c}`).join(', ')}, ${lit(source)}, f.path FROM (${select}) e
      JOIN fhir_files f ON f.idx = e._file`;
  }
  return sinks;
}

/**
 * After the events are in: remove the rows of resources whose patient is missing (`orphans`, rejected),
 * give panel members their panel's code (`links`), and insert the screening answers.
 */
export async function finishEvents(
  engine: Engine,
  schema: string,
  source: string,
  opts: { links: boolean; dedupe: boolean; orphans: boolean },
): Promise<void> {
  const panels = Object.entries(INSTRUMENT_PANELS)
    .map(([code, inst]) => `(${lit(code)}, ${lit(inst)})`)
    .join(', ');
  const kept = opts.orphans ? 'SEMI JOIN fhir_pat_ok p USING (patient_id)' : '';
  if (opts.orphans)
    for (const table of EVENT_TABLES)
      await engine.run(`DELETE FROM ${schema}.${table} t WHERE t.source = ${lit(source)}
        AND NOT EXISTS (SELECT 1 FROM fhir_pat_ok p WHERE p.patient_id = t.patient_id)`);
  if (opts.links) {
    await engine.run(`CREATE OR REPLACE TEMP TABLE fhir_member AS
      SELECT member_id, MIN(panel_code) AS panel_code FROM fhir_links GROUP BY member_id`);
    await engine.run(`UPDATE ${schema}.observations o SET panel_code = m.panel_code FROM fhir_member m
      WHERE o.source = ${lit(source)} AND o.panel_code IS NULL AND m.member_id = o.observation_id`);
  }
  // Screening answers: the panel a member Observation belongs to decides its instrument; the same answer
  // arriving twice (a QuestionnaireResponse and the Observations derived from it) is kept once (`dedupe`,
  // when the source has QuestionnaireResponse answers).
  const cols = `patient_id, screen_date, instrument, domain, question_code, answer_code, answer_text, screened, positive, gravity_category`;
  const instrument = opts.links ? 'COALESCE(pi.instrument, s.instrument)' : 's.instrument';
  const member = opts.links
    ? `LEFT JOIN fhir_member m ON m.member_id = s.resource_id
       LEFT JOIN (VALUES ${panels}) pi(code, instrument) ON pi.code = m.panel_code`
    : '';
  const rows = `SELECT s.* EXCLUDE (instrument), ${instrument} AS instrument, f.path FROM fhir_sdoh s
      ${kept} JOIN fhir_files f ON f.idx = s._file ${member}`;
  await engine.run(
    opts.dedupe
      ? `INSERT INTO ${schema}.sdoh_screenings (${cols}, source, source_file)
         SELECT ${cols}, ${lit(source)}, MIN(path) FROM (${rows}) GROUP BY ALL`
      : `INSERT INTO ${schema}.sdoh_screenings (${cols}, source, source_file) SELECT ${cols}, ${lit(source)}, path FROM (${rows})`,
  );
}
