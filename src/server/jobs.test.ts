/** Jobs: a failed job keeps the CLI's error; a restart fails interrupted jobs instead of leaving them half-done. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createJob, createUser, getJob, openStore, updateJob } from '../store/index.js';
import { createApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import { startServer } from './serve.js';
import { Client } from './test-client.js';

const dir = mkdtempSync(join(tmpdir(), 'eq-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jobs', () => {
  it('shows a failed job with the error the CLI gives, after a reload', async () => {
    const store = await openStore();
    const { app } = createApp({
      store,
      project: { configPath: join(dir, 'missing.yaml'), workspace: join(dir, 'ws') },
    });
    await createUser(store.db, 't', {
      username: 'an',
      displayName: 'An',
      role: 'analyst',
      passwordHash: await hashPassword('correct horse battery'),
    });
    const c = new Client((p, i) => Promise.resolve(app.request(p, i)));
    await c.post('/login', { username: 'an', password: 'correct horse battery' });
    const res = await c.post('/jobs', { title: 'Run' });
    expect(res.status).toBe(303);
    const path = res.headers.get('location')!;
    await expect
      .poll(async () => (await getJob(store.db, path.split('/').pop()!))?.status, { timeout: 20_000 })
      .toBe('failed');
    const html = await (await c.get(path)).text();
    expect(html).toContain('Failed');
    expect(html).toContain('missing.yaml');
    await store.close();
  });

  it('marks jobs a stopped server left running as failed at the next start', async () => {
    const d = join(dir, 'restart');
    const first = await openStore({ dir: join(d, 'app') });
    const job = await createJob(first.db, 't', 'ingest+analyze');
    await updateJob(first.db, job.id, { status: 'running', progress: 'ingest' });
    await first.close();
    const server = await startServer({ workspace: d, port: 0 });
    const after = await getJob(server.store.db, job.id);
    expect(after?.status).toBe('failed');
    expect(JSON.stringify(after?.error)).toContain('stopped while this job ran');
    await server.close();
  });
});
