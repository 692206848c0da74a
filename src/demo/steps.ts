/**
 * The demo's ingest, analyze and report steps. Each calls the programmatic API of its layer; the lookup is
 * by module and export name so that the demo runs (with the step "pending") before that layer lands.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { readResults, writeReport } from '../report/index.js';
import { findExport } from './optional-module.js';

export interface StepOutcome {
  status: 'done' | 'pending';
  detail?: string;
  counts?: Record<string, number>;
  files?: Record<string, string>;
}

type AnyFn = (...args: unknown[]) => unknown;
const fmt = (n: number | undefined): string => (n === undefined ? '?' : n.toLocaleString('en-US'));
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
  const read = num(pick(r, 'reconciliation', 'read')) ?? num(pick(r, 'rows', 'read'));
  const loaded = num(pick(r, 'reconciliation', 'loaded')) ?? num(pick(r, 'rows', 'loaded'));
  const rejected = num(pick(r, 'reconciliation', 'rejected')) ?? num(pick(r, 'rows', 'rejected'));
  const version = num(pick(r, 'version')) ?? num(pick(r, 'dataset', 'version'));
  const counts: Record<string, number> = {};
  if (read !== undefined) counts.read = read;
  if (loaded !== undefined) counts.loaded = loaded;
  if (rejected !== undefined) counts.rejected = rejected;
  if (version !== undefined) counts.version = version;
  return {
    status: 'done',
    detail: `dataset version ${version ?? '?'}: ${fmt(read)} rows read = ${fmt(loaded)} loaded + ${fmt(rejected)} rejected`,
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
  configPath: string;
  out: string;
  reportPath: string;
}): Promise<StepOutcome> {
  const { project, measures } = loadConfig(a.configPath).config;
  const definitions = measures.map((m) => ({
    id: m.id,
    title: m.title,
    numerator: m.numerator,
    denominator: m.denominator,
    ...(m.description ? { description: m.description } : {}),
    ...(m.titles ? { titles: m.titles } : {}),
    ...(m.exclusions ? { exclusions: m.exclusions } : {}),
  }));
  // The demo's data is generated: every edition says so, and names the (synthetic) organisation.
  const provenance = { organisation: project.name, synthetic: true };
  const report = await writeReport({ results: a.resultsPath, out: a.out, definitions, provenance });
  const files: Record<string, string> = { report };
  const publicResults = join(dirname(a.resultsPath), 'results.public.json');
  if (existsSync(publicResults)) {
    files.publicReport = await writeReport({
      results: publicResults,
      out: a.out,
      audience: 'public',
      file: 'report-public.html',
      definitions,
      provenance,
    });
    files.summaryReport = await writeReport({
      results: publicResults,
      out: a.out,
      audience: 'public',
      edition: 'summary',
      file: 'report-summary.html',
      definitions,
      provenance,
    });
  }
  const r = readResults(a.resultsPath);
  return {
    status: 'done',
    detail: `${r.measures.length} measures, ${r.findings.length} key findings${files.publicReport ? '; public edition (small counts suppressed) too' : ''}`,
    counts: { measures: r.measures.length, findings: r.findings.length },
    files,
  };
}
