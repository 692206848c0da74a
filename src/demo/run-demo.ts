/**
 * `equilens demo`: the whole job on synthetic data, with no arguments and no network.
 * 1. synth   — a synthetic health system with planted disparities (extract.csv, equilens.yaml, truth.json)
 * 2. ingest  — into a new dataset version in the embedded DuckDB workspace (<out>/.equilens)
 * 3. analyze — stratified analysis → <out>/results.json
 * 4. equity  — community, payer mix by department and site, and a synthetic workforce (<out>/*.json)
 * 5. report  — <out>/report.html (internal) and <out>/report-public.html (from results.public.json), with
 *    the equity step's files as sections
 * Each step reports its time and row counts. A step is "pending" only when the step before it did not finish.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultSpec, generate, type Truth } from '../synth/index.js';
import { headlineRank } from './headline.js';
import { analyzeStep, ingestStep, reportStep, type StepOutcome } from './steps.js';
import { equityStep } from './equity-step.js';

export interface DemoOptions {
  /** Output folder (default ./equilens-demo). */
  out: string;
  patients?: number;
  seed?: number;
  /** Called as each step starts and ends (the CLI prints these). */
  onStep?: (event: DemoStep) => void;
}

export interface DemoStep {
  name: 'synth' | 'ingest' | 'analyze' | 'report' | 'equity';
  status: 'running' | 'done' | 'pending';
  seconds?: number;
  /** What the step did, in one line. */
  detail?: string;
  counts?: Record<string, number>;
  files?: Record<string, string>;
}

export interface DemoSummary {
  out: string;
  seed: number;
  steps: DemoStep[];
  report: string | null;
  /** The public edition (from results.public.json), when the analysis wrote one. */
  publicReport: string | null;
  results: string | null;
  /**
   * The planted headline disparity and whether the analysis found it: among the first key findings
   * (null when not analysed yet); `rank` is its place among `of` findings (null: not a finding at all).
   */
  headline: {
    measure: string;
    where: Record<string, unknown>;
    found: boolean | null;
    rank?: number | null;
    of?: number;
  } | null;
  seconds: number;
}

export const DEMO_PATIENTS = 30_000;
export const DEMO_SEED = 20_240_101;

export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  const seed = options.seed ?? DEMO_SEED;
  const steps: DemoStep[] = [];
  const started = Date.now();
  const emit = (step: DemoStep): void => options.onStep?.(step);
  const timed = async (name: DemoStep['name'], fn: () => Promise<StepOutcome>): Promise<DemoStep> => {
    emit({ name, status: 'running' });
    const t0 = Date.now();
    const outcome = await fn();
    const step: DemoStep = { name, ...outcome, seconds: (Date.now() - t0) / 1000 };
    steps.push(step);
    emit(step);
    return step;
  };

  let truth: Truth | undefined;
  let configPath = '';
  await timed('synth', async () => {
    const r = await generate(defaultSpec(), { seed, patients: options.patients ?? DEMO_PATIENTS, out });
    truth = r.truth;
    configPath = r.files.config;
    return {
      status: 'done',
      detail: `synthetic health system: ${r.patients.toLocaleString('en-US')} patients, ${r.rows.toLocaleString('en-US')} encounters, ${r.truth.measures.length} measures`,
      counts: { patients: r.patients, rows: r.rows },
      files: r.files,
    };
  });

  const workspace = join(out, '.equilens');
  const ingest = await timed('ingest', () => ingestStep({ configPath, workspace, out }));
  const resultsPath = join(out, 'results.json');
  const analyze =
    ingest.status === 'done'
      ? await timed('analyze', () => analyzeStep({ configPath, workspace, out, resultsPath }))
      : await timed('analyze', async () => ({ status: 'pending', detail: 'waits for ingest' }));
  // Before the report, which shows its files (community.json, payer-mix.json, workforce*.json).
  if (ingest.status === 'done') await timed('equity', () => equityStep({ workspace, out, seed }));
  else await timed('equity', async () => ({ status: 'pending', detail: 'waits for ingest' }));

  const reportPath = join(out, 'report.html');
  const report =
    analyze.status === 'done'
      ? await timed('report', () => reportStep({ resultsPath, configPath, out, reportPath }))
      : await timed('report', async () => ({ status: 'pending', detail: 'waits for analyze' }));

  const ranked = truth && analyze.status === 'done' ? headlineRank(resultsPath, truth) : null;
  const headline = truth?.headline
    ? {
        measure: truth.headline.measure,
        where: truth.headline.where as Record<string, unknown>,
        found: analyze.status === 'done' ? (ranked?.found ?? false) : null,
        ...(ranked ? { rank: ranked.rank, of: ranked.of } : {}),
      }
    : null;
  return {
    out,
    seed,
    steps,
    report: report.status === 'done' && existsSync(reportPath) ? reportPath : null,
    publicReport: report.files?.publicReport ?? null,
    results: analyze.status === 'done' && existsSync(resultsPath) ? resultsPath : null,
    headline,
    seconds: (Date.now() - started) / 1000,
  };
}
