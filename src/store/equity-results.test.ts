/** The equity results repository, on PGlite (always) and on PostgreSQL (TEST_DATABASE_URL). */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl } from '../../test/support/needs.js';
import {
  listAudit,
  listEquityResults,
  loadEquityResult,
  openStore,
  saveEquityResult,
  type Store,
} from './index.js';

const url = postgresUrl();
const internal = { system: { patients: 7, patients_total: 900 }, units: [{ unit: 'A', count: 7 }] };
const publicEdition = {
  system: { patients: null, patients_total: 900 },
  units: [{ unit: 'A', count: null }],
};

function suite(name: string, open: () => Promise<Store>): void {
  describe(`equity results on ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => store?.close());

    it('keeps both editions with provenance and audits the import in the same transaction', async () => {
      const saved = await saveEquityResult(store.db, 'ana', {
        kind: 'payer_mix',
        title: 'Payer mix 2025',
        threshold: 11,
        internal,
        public: publicEdition,
      });
      expect(saved).toMatchObject({ kind: 'payer_mix', title: 'Payer mix 2025', threshold: 11 });
      expect(saved).toMatchObject({ created_by: 'ana', updated_by: 'ana', has_internal: true });
      const loaded = await loadEquityResult(store.db, saved.id);
      expect(loaded?.internal).toEqual(internal);
      expect(loaded?.public).toEqual(publicEdition);
      const [entry] = await listAudit(store.db, 1);
      expect(entry).toMatchObject({
        actor: 'ana',
        action: 'equity.import',
        record_table: 'equity_results',
        record_id: saved.id,
      });
      // The audit keeps the summary, not the document.
      expect(JSON.stringify(entry!.after)).not.toContain('units');
    });

    it('lists newest first, by kind, and marks a public-only import', async () => {
      const a = await saveEquityResult(store.db, 'ana', {
        kind: 'workforce',
        title: 'W1',
        threshold: 20,
        internal: { representation: [] },
        public: { representation: [] },
      });
      const b = await saveEquityResult(store.db, 'ana', {
        kind: 'workforce',
        title: 'W2',
        threshold: 20,
        internal: null,
        public: { representation: [] },
      });
      const list = await listEquityResults(store.db, 'workforce');
      expect(list.map((r) => r.id)).toEqual([b.id, a.id]);
      expect(list.map((r) => r.has_internal)).toEqual([false, true]);
      expect((await loadEquityResult(store.db, b.id))?.internal).toBeNull();
      expect((await listEquityResults(store.db)).length).toBe(3);
      expect(await loadEquityResult(store.db, 'nope')).toBeUndefined();
    });

    it('refuses an unknown kind in the database itself', async () => {
      await expect(
        sql`insert into equity_results (id, kind, title, threshold, public, created_by, updated_by)
            values ('x', 'patients', 't', 11, '{}', 'a', 'a')`.execute(store.db),
      ).rejects.toThrow();
    });
  });
}

suite('PGlite', () => openStore());
describe.skipIf(!url)('PostgreSQL', () => {
  suite('PostgreSQL', () => openStore({ databaseUrl: url, schema: `t_${randomBytes(4).toString('hex')}` }));
});
