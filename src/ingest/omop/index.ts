/**
 * The OMOP CDM v5.4 source (`type: omop`): a folder of CDM CSV files (.csv or .csv.gz, any case) or a
 * PostgreSQL schema. Stages the tables, rejects bad rows (file/line/column/reason), loads the clinical
 * event model (events.ts), SDOH screenings (sdoh.ts) and `patients` (persons.ts). Every person-bearing
 * row read is loaded or rejected (read = loaded + rejected); the vocabulary (CONCEPT) is a lookup, not counted.
 */
import { invalidInput, type Warning } from '../../errors.js';
import type { Engine } from '../../engine/dialect.js';
import { quoteLiteral } from '../../engine/dialect.js';
import { openPostgres } from '../../engine/postgres/postgres-driver.js';
import { CLINICAL_TABLES, createClinicalTableSql, type ClinicalTable } from '../../model/clinical.js';
import type { EquilensConfig } from '../../config/index.js';
import type { FileAccount, LoadContext, LoadResult, SourceLoader } from '../source-loader.js';
import { stageTable } from './cdm-tables.js';
import { VISIT_CLASSES, loadEvents } from './events.js';
import { resolveOmopInput, type OmopInput } from './input.js';
import { dropPersonTemps, loadPersons } from './persons.js';
import { loadSdoh, type SdohClassifier } from './sdoh.js';
import { dropSogi } from './sogi.js';
import { classifySdoh } from './sdoh-classifier.js';
import { dropStages, stageAll, type StagedTable } from './stage.js';
import { listCdmFolder, stageCsvTable } from './stage-csv.js';
import { pgSchemaColumns, stagePgTable } from './stage-postgres.js';
import { checkAll, checkedTable, dropChecked } from './validate.js';

async function stageInput(engine: Engine, input: OmopInput): Promise<StagedTable[]> {
  if (input.kind === 'csv') {
    const files = listCdmFolder(input.folder);
    return stageAll(engine, (t) => stageCsvTable(engine, input.folder, files, t));
  }
  let client: Engine;
  try {
    client = await openPostgres(input.url);
  } catch (err) {
    const why = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    throw invalidInput(`Could not connect to the OMOP database ${input.label}: ${why}`, {
      path: 'sources[].path',
      fix: 'Check the postgres:// URL, that the server is reachable, and the credentials.',
    });
  }
  try {
    const { tables } = await pgSchemaColumns(client, input.schema);
    return await stageAll(engine, (t) =>
      stagePgTable(engine, client, input.schema, tables.get(t.name.toLowerCase()), t),
    );
  } finally {
    await client.close();
  }
}

/** The reference date for age bands: the latest library measure period end, else the latest visit date. */
export function ageReferenceDate(config: EquilensConfig): string | null {
  const ends = config.measures.filter((m) => m.library && m.period).map((m) => m.period?.end as string);
  return ends.length ? (ends.sort().at(-1) as string) : null;
}

/** Load an OMOP source with a given SDOH classifier (tests inject one; loadOmop uses the data table). */
export async function loadOmopWith(ctx: LoadContext, classify: SdohClassifier): Promise<LoadResult> {
  const { engine, schema, source } = ctx;
  const input = resolveOmopInput(source, ctx.paths);
  for (const t of Object.keys(CLINICAL_TABLES) as ClinicalTable[]) {
    await engine.run(createClinicalTableSql(schema, t));
  }
  const staged = await stageInput(engine, input);
  const person = staged.find((s) => s.table.name === 'PERSON');
  if (!person?.file) {
    const where = input.kind === 'csv' ? input.folder : `${input.label} schema ${input.schema}`;
    throw invalidInput(`The OMOP source ${source.name} has no PERSON table (looked in ${where}).`, {
      file: input.kind === 'csv' ? input.folder : undefined,
      fix: 'Point the source at the folder (or schema) holding PERSON.csv / PERSON.csv.gz / person.',
    });
  }
  ctx.progress?.(0);
  await engine.run(`CREATE OR REPLACE TEMP TABLE omop_concepts AS
    SELECT concept_id, vocabulary_id, concept_code, concept_name FROM ${stageTable('CONCEPT')}
    WHERE NULLIF(TRIM(concept_id), '') IS NOT NULL`);
  const rejectedBy = await checkAll(engine, schema, source.name);
  const malformed = await rejectMalformed(engine, schema, source.name);
  await loadEvents(engine, schema, source.name);
  const warnings: Warning[] = await loadSdoh(engine, schema, source.name, classify);
  let asOf = ageReferenceDate(ctx.config);
  if (!asOf) {
    const [row] = await engine.all<{ d: string | null }>(
      `SELECT CAST(MAX(_d_visit_start_date) AS VARCHAR) AS d FROM ${checkedTable('VISIT_OCCURRENCE')} WHERE _reason IS NULL`,
    );
    asOf = row?.d ?? null;
  }
  await loadPersons(engine, schema, source.name, asOf);
  warnings.push(...(await notes(engine, staged, asOf)));

  const files: FileAccount[] = staged
    .filter((s) => s.file && !s.table.vocabulary)
    .map((s) => {
      const bad = malformed.get(s.file as string) ?? 0;
      const rejected = (rejectedBy.get(s.table.name) ?? 0) + bad;
      return { file: s.file as string, read: s.rows + bad, loaded: s.rows + bad - rejected, rejected };
    });
  await engine.run(
    'DROP TABLE IF EXISTS omop_concepts; DROP TABLE IF EXISTS omop_sdoh_items; DROP TABLE IF EXISTS omop_sdoh_map',
  );
  await dropPersonTemps(engine);
  await dropSogi(engine);
  await dropChecked(engine);
  await dropStages(engine);
  const sum = (k: 'read' | 'loaded' | 'rejected'): number => files.reduce((a, f) => a + f[k], 0);
  ctx.progress?.(sum('read'), sum('read'));
  return { read: sum('read'), loaded: sum('loaded'), rejected: sum('rejected'), files, warnings };
}

/** Malformed CSV lines → rejections; returns their count per file. */
async function rejectMalformed(engine: Engine, schema: string, source: string): Promise<Map<string, number>> {
  await engine.run(
    `INSERT INTO ${schema}.rejections (source, file, line, column_name, value, reason)
     SELECT ${quoteLiteral(source)}, file, line, column_name, NULL,
       'malformed CSV line (' || lower(replace(error, '_', ' ')) || '): fix the number of fields or the quoting'
     FROM omop_malformed ORDER BY file, line`,
  );
  const rows = await engine.all<{ file: string; n: number }>(
    'SELECT file, COUNT(*) AS n FROM omop_malformed GROUP BY file',
  );
  return new Map(rows.map((r) => [r.file, r.n]));
}

/** Warnings about what the source lacks. */
async function notes(engine: Engine, staged: StagedTable[], asOf: string | null): Promise<Warning[]> {
  const out: Warning[] = [];
  const absent = staged.filter((s) => !s.file).map((s) => s.table.name);
  if (absent.length) {
    out.push({
      code: 'omop_tables_absent',
      message: `The OMOP source has no ${absent.join(', ')} table(s); what they hold is Missing.`,
      tables: absent,
    });
  }
  if (absent.includes('CONCEPT')) {
    out.push({
      code: 'omop_no_concept_table',
      message:
        'No CONCEPT table: codes come from the *_source_value columns only (systems guessed from their shape). Add CONCEPT to match standard SNOMED/LOINC codes.',
    });
  }
  const [{ n }] = (await engine.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM ${checkedTable('PERSON')} WHERE _reason IS NULL AND _d_birth_datetime IS NULL
       AND NULLIF(TRIM(year_of_birth), '') IS NOT NULL AND (NULLIF(TRIM(month_of_birth), '') IS NULL OR NULLIF(TRIM(day_of_birth), '') IS NULL)`,
  )) as [{ n: number }];
  if (n > 0) {
    out.push({
      code: 'omop_birth_date_partial',
      message: `${n} persons have a year of birth without month or day: the birth date is taken as 1 July (month missing) or the 1st (day missing).`,
      persons: n,
    });
  }
  const visits = await engine.all<{ concept: string; n: number }>(
    `SELECT COALESCE(visit_concept_id, '') AS concept, COUNT(*) AS n FROM ${checkedTable('VISIT_OCCURRENCE')}
     WHERE _reason IS NULL AND COALESCE(visit_concept_id, '') NOT IN (${Object.keys(VISIT_CLASSES)
       .map((k) => `'${k}'`)
       .join(', ')})
     GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  if (visits.length) {
    const n = visits.reduce((a, v) => a + v.n, 0);
    out.push({
      code: 'omop_visit_concepts_unmapped',
      message: `${n} visits have a visit_concept_id with no encounter class (${visits
        .slice(0, 10)
        .map((v) => `${v.concept || 'empty'} ×${v.n}`)
        .join(', ')}): they count as visits of unknown class (not inpatient, not ED).`,
      rows: n,
      concepts: visits.map((v) => ({ concept: v.concept, rows: v.n })),
    });
  }
  if (!asOf) {
    out.push({
      code: 'omop_no_age_reference',
      message:
        'No measurement period and no visits: age bands are Missing. Set `period:` on a library measure.',
    });
  }
  return out;
}

/** The OMOP source loader registered as `omop` in ingest/loaders.ts. */
export const loadOmop: SourceLoader = (ctx) => loadOmopWith(ctx, classifySdoh);
