/** Two servers on one PostgreSQL: both migrate at once (advisory lock), both serve and write, each sees the other's writes. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { postgresUrl } from '../../test/support/needs.js';
import { createUser, openStore } from '../store/index.js';
import { hashPassword } from './auth/passwords.js';
import { startServer } from './serve.js';
import { Client } from './test-client.js';

const url = postgresUrl();

describe.skipIf(!url)('two servers on one PostgreSQL', () => {
  it('migrate together, then write through one and read through the other', async () => {
    const schema = `t_${randomBytes(4).toString('hex')}`;
    const [a, b] = await Promise.all([
      openStore({ databaseUrl: url!, schema }),
      openStore({ databaseUrl: url!, schema }),
    ]);
    const [one, two] = await Promise.all([
      startServer({ workspace: '', port: 0, store: a }),
      startServer({ workspace: '', port: 0, store: b }),
    ]);
    try {
      await createUser(a.db, 't', {
        username: 'admin',
        displayName: 'Admin',
        role: 'administrator',
        passwordHash: await hashPassword('correct horse battery'),
      });
      const c1 = new Client((p, i) => fetch(new URL(p, one.url), i));
      const c2 = new Client((p, i) => fetch(new URL(p, two.url), i));
      for (const c of [c1, c2])
        expect(
          (await c.post('/login', { username: 'admin', password: 'correct horse battery' })).status,
        ).toBe(303);
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? c1 : c2).post('/organisation', { kind: 'department', name: `Dept ${i}` }),
        ),
      );
      const listed = (await (await c1.get('/api/v1/units')).json()) as { units: unknown[] };
      expect(listed.units).toHaveLength(10);
      const audit = (await (await c2.get('/api/v1/audit')).json()) as { entries: { action: string }[] };
      expect(audit.entries.filter((e) => e.action === 'unit.create')).toHaveLength(10);
    } finally {
      await one.close();
      await two.close();
      await a.close();
      await b.close();
    }
  });
});
