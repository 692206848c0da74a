/** The store suite: the same tests on PGlite (always) and on PostgreSQL (TEST_DATABASE_URL). */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl } from '../../test/support/needs.js';
import {
  createUser,
  listAudit,
  migrate,
  MIGRATIONS,
  openStore,
  saveAnalysis,
  listAnalyses,
  loadAnalysis,
  type Store,
} from './index.js';
import type { ResultsFile } from '../model/results.js';

const url = postgresUrl();
const results = {
  stamp: {
    dataset: { version: 3, id: 'd', rows: 10 },
    configHash: 'abc',
    softwareVersion: '0.1.0',
    generatedAt: '2026-01-01',
  },
  measures: [],
} as unknown as ResultsFile;

function suite(name: string, open: () => Promise<Store>): void {
  describe(`store on ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => store?.close());

    it('applies every migration once; running them again changes nothing', async () => {
      expect(await migrate(store.db as never)).toEqual([]);
      const r = await sql<{ name: string }>`select name from equilens_migration order by name`.execute(
        store.db,
      );
      expect(r.rows.map((x) => x.name)).toEqual(Object.keys(MIGRATIONS));
    });

    it('audits a change in the same transaction and refuses to update, delete or truncate the log', async () => {
      const u = await createUser(store.db, 'setup', {
        username: `a${randomBytes(3).toString('hex')}`,
        displayName: 'A',
        role: 'analyst',
        passwordHash: 'secret-hash',
      });
      const [entry] = await listAudit(store.db, 1);
      expect(entry).toMatchObject({
        actor: 'setup',
        action: 'user.create',
        record_table: 'users',
        record_id: u.id,
      });
      expect(JSON.stringify(entry!.after)).not.toContain('secret-hash');
      await expect(sql`update audit_log set actor = 'x'`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    });

    it('keeps an analysis with its provenance', async () => {
      const a = await saveAnalysis(store.db, 'u1', 'Q1', results);
      expect(a).toMatchObject({
        dataset_version: 3,
        config_hash: 'abc',
        software_version: '0.1.0',
        created_by: 'u1',
      });
      expect((await listAnalyses(store.db)).some((x) => x.id === a.id)).toBe(true);
      expect((await loadAnalysis(store.db, a.id))?.results.stamp.configHash).toBe('abc');
    });

    it('refuses a store written by a newer Equilens and says how to upgrade', async () => {
      await sql`insert into equilens_migration (name, timestamp) values ('9999-future', now())`.execute(
        store.db,
      );
      try {
        await expect(migrate(store.db as never)).rejects.toThrow(/newer Equilens.*9999-future/);
      } finally {
        await sql`delete from equilens_migration where name = '9999-future'`.execute(store.db);
      }
    });

    it('holds no clinical tables', async () => {
      const r = await sql<{
        t: string;
      }>`select table_name as t from information_schema.tables where table_schema = current_schema()`.execute(
        store.db,
      );
      const clinical = ['patients', 'encounters', 'observations', 'conditions', 'procedures', 'medications'];
      expect(r.rows.map((x) => x.t).filter((t) => clinical.includes(t))).toEqual([]);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'eq-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
suite('PGlite', () => openStore({ dir: join(dir, 'app') }));
describe.skipIf(!url)('PostgreSQL', () => {
  suite('PostgreSQL', () => openStore({ databaseUrl: url, schema: `t_${randomBytes(4).toString('hex')}` }));
});

describe('PGlite on disk', () => {
  it('starts again cleanly on the same folder', async () => {
    const d = join(dir, 'again');
    const a = await openStore({ dir: d });
    await createUser(a.db, 'setup', { username: 'x', displayName: 'X', role: 'analyst', passwordHash: null });
    await a.close();
    const b = await openStore({ dir: d });
    expect((await b.db.selectFrom('users').select('username').execute()).map((r) => r.username)).toEqual([
      'x',
    ]);
    await b.close();
  });
});
