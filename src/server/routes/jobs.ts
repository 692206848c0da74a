/** Start an ingest + analyze job and follow it (the page refreshes itself while it runs; no script needed). */
import { html } from 'hono/html';
import { notFound, usageError } from '../../errors.js';
import { getJob } from '../../store/index.js';
import { JobForm } from '../api-schemas.js';
import type { Ctx } from '../env.js';
import { readForm, wantsJson } from '../form.js';
import { t } from '../i18n.js';
import { startAnalyzeJob, type Project } from '../jobs.js';
import { page } from '../pages/layout.js';

export const startJob = (project: Project | undefined) => async (c: Ctx) => {
  if (!project)
    throw usageError(
      'This server was started without a project config, so it cannot run ingest and analyze.',
      { fix: 'Start it with `equilens serve --config equilens.yaml`.' },
    );
  const f = await readForm(c, JobForm);
  const job = await startAnalyzeJob(c.get('store'), project, c.get('user')!.username, f.title);
  return wantsJson(c) ? c.json({ job }, 202) : c.redirect(`/jobs/${job.id}`, 303);
};

async function load(c: Ctx) {
  const id = c.req.param('id') ?? '';
  const job = await getJob(c.get('store').db, id);
  if (!job) throw notFound(`There is no job with id "${id}".`, { path: 'id' });
  return job;
}

export async function jobApi(c: Ctx) {
  return c.json({ job: await load(c) });
}

export async function jobPage(c: Ctx) {
  const job = await load(c);
  const lang = c.get('lang');
  const running = job.status === 'queued' || job.status === 'running';
  const error = job.error as { message?: string } | null;
  return c.html(
    page(
      c,
      t(lang, 'jobs.title'),
      html`${running ? html`<meta http-equiv="refresh" content="2" />` : ''}
        <p role="status">
          ${t(lang, `jobs.status.${job.status}`)} ${job.progress ? html`(${job.progress})` : ''}
        </p>
        ${error?.message ? html`<p role="alert">${error.message}</p>` : ''}
        ${job.analysis_id ? html`<p><a href="/dashboard?analysis=${job.analysis_id}">${t(lang, 'nav.dashboard')}</a></p>` : ''}`,
    ),
  );
}
