/**
 * The ingest + analyze job: runs in the background of the server process, writing its progress to the
 * store (so the page survives a reload) and, when done, the analysis (aggregates only: patient-level rows
 * stay in the DuckDB workspace). A failure keeps the same error the CLI prints.
 */
import { normalizeError } from '../errors.js';
import { analyzeRun } from '../engine/analysis/analyze.js';
import { ingest } from '../ingest/index.js';
import { createJob, saveAnalysis, updateJob, type Job, type Store } from '../store/index.js';

export interface Project {
  configPath: string;
  workspace: string;
}

export async function startAnalyzeJob(
  store: Store,
  project: Project,
  actor: string,
  title: string,
): Promise<Job> {
  const job = await createJob(store.db, actor, 'ingest+analyze');
  void run(store, project, actor, title, job.id);
  return job;
}

async function run(store: Store, project: Project, actor: string, title: string, id: string): Promise<void> {
  try {
    await updateJob(store.db, id, { status: 'running', progress: 'ingest' });
    const ingested = await ingest({ configPath: project.configPath, workspace: project.workspace });
    await updateJob(store.db, id, { progress: 'analyze' });
    const run = await analyzeRun({
      configPath: project.configPath,
      workspace: project.workspace,
      dataset: ingested.dataset.version,
    });
    const saved = await saveAnalysis(store.db, actor, title, run.results);
    await updateJob(store.db, id, { status: 'done', progress: 'done', analysis_id: saved.id });
  } catch (err) {
    const e = normalizeError(err);
    await updateJob(store.db, id, {
      status: 'failed',
      error: { ...e.toJSON(), message: e.describe() },
    }).catch(() => undefined);
  }
}
