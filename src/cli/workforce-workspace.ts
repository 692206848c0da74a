/**
 * Where `equilens workforce --config` (no HR_FILE) gets its employees: the newest (or a named) workforce
 * version of the workspace, loaded by `equilens ingest --workforce`. The employees are read into this process
 * for the analysis and never written anywhere; the reconciliation comes back as the file path's counts, and
 * the patients' shares from a patient dataset when the workspace holds one (or the one named).
 */
import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { patientShares } from '../engine/community/people-by-labels.js';
import { getDataset, listDatasets, openWorkspace, resolveWorkspaceDir } from '../engine/workspace.js';
import {
  getWorkforceVersion,
  readWorkforceEmployees,
  readWorkforceRejections,
  readWorkforceUnmapped,
} from '../engine/workforce/index.js';
import { usageError } from '../errors.js';
import type { Employee, Rejection } from '../workforce/index.js';
import { resolvePath } from './paths.js';

export interface WorkforceFromWorkspace {
  employees: Employee[];
  reconciliation: { read: number; loaded: number; rejected: number };
  rejections: Rejection[];
  unmapped: { column: string; rows: number }[];
  patients?: Map<string, Map<string, number>>;
}

export function parseVersion(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value.replace(/^(v|wf)/i, '').replace(/-.*$/, ''));
  if (!Number.isInteger(v) || v < 1)
    throw usageError(`Invalid ${option} "${value}".`, { fix: 'Pass a version number such as 3.' });
  return v;
}

/** The public workforce threshold a config sets (workforce.threshold), if any. */
export function configThreshold(config: string | undefined, cwd: string): number | undefined {
  return config === undefined ? undefined : loadConfig(resolve(cwd, config)).config.workforce?.threshold;
}

export async function workforceFromWorkspace(
  opts: { config?: string; workspace?: string; dataset?: string; workforceVersion?: string },
  cwd: string,
): Promise<WorkforceFromWorkspace> {
  const configDir = opts.config === undefined ? cwd : loadConfig(resolve(cwd, opts.config)).dir;
  const dir = resolveWorkspaceDir(configDir, resolvePath(cwd, opts.config, opts.workspace), cwd);
  const ws = await openWorkspace(dir, { readOnly: true });
  try {
    const v = await getWorkforceVersion(
      ws.engine,
      parseVersion(opts.workforceVersion, '--workforce-version'),
    );
    const hasPatients = opts.dataset !== undefined || (await listDatasets(ws.engine)).length > 0;
    const dataset = hasPatients
      ? await getDataset(ws.engine, parseVersion(opts.dataset, '--dataset'))
      : undefined;
    return {
      employees: await readWorkforceEmployees(ws.engine, v.schema),
      reconciliation: v.rows,
      rejections: await readWorkforceRejections(ws.engine, v.schema),
      unmapped: await readWorkforceUnmapped(ws.engine, v.schema),
      ...(dataset ? { patients: await patientShares(ws.engine, dataset.schema) } : {}),
    };
  } finally {
    await ws.close();
  }
}
