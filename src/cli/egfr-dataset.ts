/**
 * `equilens egfr LABS --config/--workspace`: a lab extract (patient_id, creatinine_mg_dl[, cystatin_c_mg_l]
 * [, age_years][, date][, code]) joined on the engine to the patients of a dataset version for sex, race and
 * age (the lab's age_years, else the patient's, else whole years from birth_date to the lab date). Rows come
 * back without the patient id; only counts by race leave this module. Also the check of the race-adjusted
 * registry: how often each calculator's codes appear as measure ids in measure_rows or in the lab file's
 * `code` column.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { quoteLiteral, type Engine } from '../engine/dialect.js';
import { getDataset, openWorkspace, resolveWorkspaceDir, WORKSPACE_FILE } from '../engine/workspace.js';
import { findRaceAdjustedUse } from '../equations/race-adjusted-registry.js';
import {
  reclassifyByRace,
  type ReclassificationInput,
  type ReclassificationRow,
} from '../equations/reclassification.js';
import { invalidInput, notFound } from '../errors.js';
import { isStatus } from '../model/status.js';

export interface DatasetLabsResult {
  by_race: ReclassificationRow[];
  excluded: {
    no_sex: number;
    no_age: number;
    under_18: number;
    no_creatinine: number;
    not_in_dataset: number;
  };
  race_adjusted_use: ReturnType<typeof findRaceAdjustedUse>;
  method: string;
}

export const BLACK = 'Black or African American';

export async function egfrOnDataset(
  labs: string,
  opts: { config?: string; workspace?: string; dataset?: string },
  cwd: string,
): Promise<DatasetLabsResult> {
  const file = resolve(cwd, labs);
  if (!existsSync(file))
    throw notFound(`The lab file ${labs} does not exist.`, { file: labs, fix: 'Check the path.' });
  const loaded = opts.config ? loadConfig(resolve(cwd, opts.config)) : null;
  const dir = resolveWorkspaceDir(loaded?.dir ?? cwd, opts.workspace, cwd);
  if (!existsSync(join(dir, WORKSPACE_FILE)))
    throw notFound(`No workspace in ${dir}.`, {
      file: dir,
      fix: 'Ingest a dataset first, or give the lab file alone with age_years and sex.',
    });
  const ws = await openWorkspace(dir, { readOnly: true });
  try {
    const dataset = await getDataset(
      ws.engine,
      opts.dataset === undefined ? undefined : Number(opts.dataset.replace(/^v/i, '')),
    );
    return await run(
      ws.engine,
      file,
      labs,
      `${ws.engine.ident(dataset.schema)}.patients`,
      `${ws.engine.ident(dataset.schema)}.measure_rows`,
    );
  } finally {
    await ws.close();
  }
}

async function run(
  engine: Engine,
  file: string,
  name: string,
  patients: string,
  measureRows: string,
): Promise<DatasetLabsResult> {
  const from = `read_csv_auto(${quoteLiteral(file)}, all_varchar = true)`;
  const cols = (await engine.all(`DESCRIBE SELECT * FROM ${from}`)).map((r) => String(r.column_name));
  const missing = ['patient_id', 'creatinine_mg_dl'].filter((c) => !cols.includes(c));
  if (missing.length)
    throw invalidInput(`${name} has no column ${missing.map((m) => `"${m}"`).join(', ')}.`, {
      file: name,
      fix: 'A lab extract needs patient_id and creatinine_mg_dl (cystatin_c_mg_l, age_years, date and code are optional).',
    });
  const has = (c: string) => cols.includes(c);
  const num = (c: string) => (has(c) ? `TRY_CAST(l.${engine.ident(c)} AS DOUBLE)` : 'NULL::DOUBLE');
  const labDate = has('date') ? `TRY_CAST(l."date" AS DATE)` : 'NULL::DATE';
  const age = `COALESCE(${num('age_years')}, pt.age_years, CASE WHEN pt.birth_date IS NOT NULL AND ${labDate} IS NOT NULL THEN date_sub('year', pt.birth_date, ${labDate}) END)`;
  const rows = await engine.all(
    `SELECT ${age} AS age, lower(CAST(pt.sex AS VARCHAR)) AS sex, CAST(pt.race AS VARCHAR) AS race,
            ${num('creatinine_mg_dl')} AS cr, ${num('cystatin_c_mg_l')} AS cys, pt.patient_id IS NULL AS stranger
     FROM ${from} l LEFT JOIN ${patients} pt ON CAST(pt.patient_id AS VARCHAR) = l.patient_id`,
  );
  const excluded = { no_sex: 0, no_age: 0, under_18: 0, no_creatinine: 0, not_in_dataset: 0 };
  const inputs: ReclassificationInput[] = [];
  for (const r of rows) {
    if (r.stranger) excluded.not_in_dataset++;
    else if (!(Number(r.cr) > 0)) excluded.no_creatinine++;
    else if (r.sex !== 'female' && r.sex !== 'male') excluded.no_sex++;
    else if (r.age === null || r.age === undefined) excluded.no_age++;
    else if (Number(r.age) < 18) excluded.under_18++;
    else {
      const race = isStatus(r.race as string | null) ? String(r.race ?? 'Missing') : String(r.race);
      inputs.push({
        ageYears: Number(r.age),
        sex: r.sex,
        creatinineMgDl: Number(r.cr),
        cystatinCMgL: r.cys === null ? null : Number(r.cys),
        race,
        black: race === BLACK,
      } as ReclassificationInput);
    }
  }
  const used = new Map<string, number>();
  for (const r of await engine.all(
    `SELECT measure_id AS code, COUNT(*) AS n FROM ${measureRows} GROUP BY measure_id`,
  ))
    used.set(String(r.code), Number(r.n));
  if (has('code'))
    for (const r of await engine.all(
      `SELECT l.code AS code, COUNT(*) AS n FROM ${from} l WHERE l.code IS NOT NULL GROUP BY l.code`,
    ))
      used.set(String(r.code), (used.get(String(r.code)) ?? 0) + Number(r.n));
  return {
    by_race: reclassifyByRace(inputs),
    excluded,
    race_adjusted_use: findRaceAdjustedUse(used),
    method: `KDIGO G stage under CKD-EPI 2009 creatinine as applied (race coefficient when the recorded race is "${BLACK}") against CKD-EPI 2021 race-free; "cross_waitlist_only_2021": eGFR ≤ 20 under 2021 and > 20 under 2009 as applied. One row per lab result. Declined, Unknown and Missing race are kept as their own rows.`,
  };
}
