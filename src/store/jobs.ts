/**
 * Jobs: queued → running → done | failed. A server start marks every job it finds queued or running as
 * failed (it was interrupted), so nothing is ever left half-done.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { audit } from './audit.js';
import type { DB, JobsTable } from './schema.js';

export type Job = Selectable<JobsTable>;
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export async function createJob(db: Kysely<DB>, actor: string, kind: string): Promise<Job> {
  return db.transaction().execute(async (trx) => {
    const job = await trx
      .insertInto('jobs')
      .values({ id: randomUUID(), kind, status: 'queued', created_by: actor, updated_by: actor })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, { actor, action: 'job.create', table: 'jobs', id: job.id, after: job });
    return job;
  });
}

export async function updateJob(
  db: Kysely<DB>,
  id: string,
  change: { status?: JobStatus; progress?: string; error?: unknown; analysis_id?: string },
): Promise<void> {
  const { error, ...rest } = change;
  await db
    .updateTable('jobs')
    .set({
      ...rest,
      ...(error !== undefined ? { error: JSON.stringify(error) } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export const getJob = (db: Kysely<DB>, id: string): Promise<Job | undefined> =>
  db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();

/** At start: jobs another (dead) process left queued or running are failed, with a message saying why. */
export async function failInterruptedJobs(db: Kysely<DB>): Promise<number> {
  const r = await db
    .updateTable('jobs')
    .set({
      status: 'failed',
      error: JSON.stringify({
        code: 'internal',
        message: 'The server stopped while this job ran.',
        details: { fix: 'Start the job again.' },
      }),
      updated_at: new Date(),
      updated_by: 'server-start',
    })
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
