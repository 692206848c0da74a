/**
 * The demo's ingest, analyze and report steps. Each calls the programmatic API of its layer, imported
 * directly: a rename fails the build and the demo's tests, never turns a step "pending".
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { configuredDefinitions, readResults, writeReport } from '../report/index.js';
import { analyze } from '../engine/analysis/analyze.js';
import { ingest } from '../ingest/index.js';

export interface StepOutcome {
  status: 'done' | 'pending';
  detail?: string;
  counts?: Record<string, number>;
  files?: Record<string, string>;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

export async function ingestStep(a: {
  configPath: string;
  workspace: string;
  out: string;
}): Promise<StepOutcome> {
  const r = await ingest({ configPath: a.configPath, workspace: a.workspace });
  const { read, loaded, rejected } = r.reconciliation;
  const version = r.dataset.version;
  return {
    status: 'done',
    detail: `dataset version ${version}: ${fmt(read)} rows read = ${fmt(loaded)} loaded + ${fmt(rejected)} rejected`,
    counts: { read, loaded, rejected, version },
    files: { workspace: a.workspace },
  };
}

export async function analyzeStep(a: {
  configPath: string;
  workspace: string;
  out: string;
  resultsPath: string;
}): Promise<StepOutcome> {
  const r = await analyze({ configPath: a.configPath, workspace: a.workspace, out: a.out });
  return {
    status: 'done',
    detail: `${r.findings.length} findings`,
    counts: { findings: r.findings.length },
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
  // The same definitions `equilens report --config` passes: descriptions (in each language) included.
  const definitions = configuredDefinitions(measures);
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
