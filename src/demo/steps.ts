/**
 * The demo's ingest, analyze and report steps. Each calls the programmatic API of its layer; the lookup is
 * by module and export name so that the demo runs (with the step "pending") before that layer lands.
 */
import { existsSync } from 'node:fs';
import { findExport } from './optional-module.js';

export interface StepOutcome {
  status: 'done' | 'pending';
  detail?: string;
  counts?: Record<string, number>;
  files?: Record<string, string>;
}

type AnyFn = (...args: unknown[]) => unknown;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const pick = (obj: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
    obj,
  );

export async function ingestStep(a: {
  configPath: string;
  workspace: string;
  out: string;
}): Promise<StepOutcome> {
  const found = await findExport<AnyFn>(
    ['ingest/index.js', 'ingest/ingest.js', 'ingest/run.js'],
    ['ingest', 'runIngest'],
  );
  if (!found) return { status: 'pending', detail: 'the ingest API (src/ingest) has not landed yet' };
  const r = await found.fn({ configPath: a.configPath, config: a.configPath, workspace: a.workspace });
  const read = num(pick(r, 'rows', 'read')) ?? num(pick(r, 'read'));
  const loaded = num(pick(r, 'rows', 'loaded')) ?? num(pick(r, 'loaded'));
  const rejected = num(pick(r, 'rows', 'rejected')) ?? num(pick(r, 'rejected'));
  const version = num(pick(r, 'version')) ?? num(pick(r, 'dataset', 'version'));
  const counts: Record<string, number> = {};
  if (read !== undefined) counts.read = read;
  if (loaded !== undefined) counts.loaded = loaded;
  if (rejected !== undefined) counts.rejected = rejected;
  if (version !== undefined) counts.version = version;
  return {
    status: 'done',
    detail: `dataset version ${version ?? '?'}: ${read ?? '?'} rows read = ${loaded ?? '?'} loaded + ${rejected ?? '?'} rejected`,
    counts,
    files: { workspace: a.workspace },
  };
}

export async function analyzeStep(a: {
  configPath: string;
  workspace: string;
  out: string;
  resultsPath: string;
}): Promise<StepOutcome> {
  const found = await findExport<AnyFn>(
    ['engine/analysis/index.js', 'engine/analysis/analyze.js'],
    ['analyze', 'runAnalysis'],
  );
  if (!found)
    return { status: 'pending', detail: 'the analysis API (src/engine/analysis) has not landed yet' };
  const r = await found.fn({
    configPath: a.configPath,
    config: a.configPath,
    workspace: a.workspace,
    out: a.out,
  });
  const findings = pick(r, 'findings');
  return {
    status: existsSync(a.resultsPath) ? 'done' : 'pending',
    detail: `${Array.isArray(findings) ? findings.length : '?'} findings`,
    counts: Array.isArray(findings) ? { findings: findings.length } : {},
    files: { results: a.resultsPath },
  };
}

export async function reportStep(a: {
  resultsPath: string;
  out: string;
  reportPath: string;
}): Promise<StepOutcome> {
  const found = await findExport<AnyFn>(
    ['report/index.js', 'report/write-report.js'],
    ['writeReport', 'buildReport'],
  );
  if (!found) return { status: 'pending', detail: 'the report API (src/report) has not landed yet' };
  await found.fn({ results: a.resultsPath, resultsPath: a.resultsPath, out: a.out });
  return { status: existsSync(a.reportPath) ? 'done' : 'pending', files: { report: a.reportPath } };
}
