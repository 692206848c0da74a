/**
 * Where the community and payer-mix commands get their patient counts: a COUNTS file, or a dataset version
 * of the workspace (counted on the engine: only counts come back).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { notFound, usageError } from '../errors.js';
import { patientCountsFromLabels } from '../community/dataset-counts.js';
import { readPatientCounts, type PatientCount } from '../community/index.js';
import {
  AREA_LEVELS,
  patientShares,
  peopleByLabels,
  type AreaLevel,
} from '../engine/community/people-by-labels.js';
import { getDataset, openWorkspace, resolveWorkspaceDir, WORKSPACE_FILE } from '../engine/workspace.js';
import type { Command } from 'commander';
import { readRecords } from './community-input.js';

export interface CountsSource {
  config?: string;
  workspace?: string;
  dataset?: string;
  area?: string;
}

function parseArea(value: string | undefined): AreaLevel {
  if (value === undefined) return 'county';
  if ((AREA_LEVELS as readonly string[]).includes(value)) return value as AreaLevel;
  throw usageError(`--area "${value}" is not an area level.`, {
    fix: `Give one of ${AREA_LEVELS.join(', ')}.`,
  });
}

function parseVersion(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value.replace(/^v/i, ''));
  if (!Number.isInteger(v) || v < 1)
    throw usageError(`Invalid --dataset "${value}".`, { fix: 'Pass a version number such as 3.' });
  return v;
}

function workspaceDir(opts: CountsSource, cwd: string): string {
  const config = opts.config === undefined ? undefined : resolve(cwd, opts.config);
  if (config !== undefined && !existsSync(config))
    throw notFound(`The config ${opts.config} does not exist.`, {
      file: opts.config,
      fix: 'Check the path.',
    });
  const configDir = config === undefined ? cwd : loadConfig(config).dir;
  const dir = resolveWorkspaceDir(configDir ?? dirname(config ?? cwd), opts.workspace, cwd);
  if (!existsSync(join(dir, WORKSPACE_FILE)))
    throw notFound(`No workspace in ${dir}.`, {
      file: dir,
      fix: 'Give a COUNTS file, or ingest a dataset first and give its config or workspace.',
    });
  return dir;
}

export async function patientCounts(
  file: string | undefined,
  opts: CountsSource,
  cwd: string,
): Promise<PatientCount[]> {
  if (file !== undefined) return readPatientCounts(readRecords(file, cwd));
  if (opts.config === undefined && opts.workspace === undefined)
    throw usageError('No patient counts given.', {
      fix: 'Give a COUNTS file (area,attribute,group,count[,facet,unit]) or a dataset with --config or --workspace.',
    });
  const ws = await openWorkspace(workspaceDir(opts, cwd));
  try {
    const dataset = await getDataset(ws.engine, parseVersion(opts.dataset));
    return patientCountsFromLabels(await peopleByLabels(ws.engine, dataset.schema, parseArea(opts.area)));
  } finally {
    await ws.close();
  }
}

/** The patients' shares by race and ethnicity and by sex of a dataset version (workforce comparison). */
export async function patientSharesOf(
  opts: CountsSource,
  cwd: string,
): Promise<Map<string, Map<string, number>>> {
  const ws = await openWorkspace(workspaceDir(opts, cwd));
  try {
    const dataset = await getDataset(ws.engine, parseVersion(opts.dataset));
    return await patientShares(ws.engine, dataset.schema);
  } finally {
    await ws.close();
  }
}

/** The options `community` and `payer-mix` share: where the counts and the community come from, the catchment. */
export function addCountsOptions(cmd: Command, sviNote = '(.csv or .csv.gz)'): Command {
  return cmd
    .option('--svi <file>', `CDC/ATSDR SVI county or tract file ${sviNote}`)
    .option('--community <file>', 'ACS-style table: area,attribute,group,estimate[,moe][,denominator]')
    .option(
      '-c, --config <file>',
      "count the patients of a dataset in this project's workspace instead of COUNTS",
    )
    .option('-w, --workspace <dir>', 'workspace folder (default: .equilens/ beside the config)')
    .option('-d, --dataset <version>', 'dataset version (default: the newest)')
    .option('--area <level>', "area of the dataset's patients: county (default), tract or zip")
    .option('--share <fraction>', 'catchment: areas supplying this share of patients (default 0.9)')
    .option('--areas <list>', 'catchment: a comma-separated list of areas instead');
}
