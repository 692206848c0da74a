import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { notFound } from '../errors.js';
import { createVersion, getVersion, listVersions, type CatalogKind, type CatalogVersion } from './catalog.js';
import type { Engine } from './dialect.js';
import { openDuckDB } from './duckdb/duckdb-driver.js';
import { pgliteEngine } from './postgres/pglite.js';

interface ThingVersion extends CatalogVersion {
  things: number;
}

/** A made-up kind: versions `t<n>-<hash>` in schema `<name>_<n>` with one table of things. */
const things = (name: string): CatalogKind<ThingVersion, 'things'> => ({
  table: `${name}_versions`,
  idPrefix: 't',
  schema: (v) => `${name}_${v}`,
  counts: ['things'],
  countsSql: (schema) => `SELECT COUNT(*) AS things FROM ${schema}.things`,
  toVersion: (common, counts) => ({ ...common, ...counts }),
  notFound: (version, have) => notFound(`No thing version ${version ?? 'newest'} (have ${have}).`),
});

const build =
  (n: number, fail = false) =>
  async (schema: string, tx: Engine): Promise<void> => {
    await tx.run(`CREATE SCHEMA ${schema}`);
    await tx.run(`CREATE TABLE ${schema}.things (x INTEGER)`);
    for (let i = 0; i < n; i++) await tx.run(`INSERT INTO ${schema}.things VALUES (${i})`);
    if (fail) throw new Error('boom');
  };

// One PGlite for the file (it takes seconds to start); each test uses its own kind's tables.
let pglite: PGlite | undefined;
afterAll(async () => pglite?.close());
const engines: [string, () => Promise<Engine>][] = [
  ['DuckDB', () => openDuckDB()],
  ['PostgreSQL (PGlite)', async () => pgliteEngine((pglite ??= new PGlite()))],
];

describe.each(engines)('a versioned catalogue on %s', (_, open) => {
  it('lists none before the first version, then each version with its counts', async () => {
    const THINGS = things('th');
    const engine = await open();
    expect(await listVersions(engine, THINGS)).toEqual([]);
    const now = () => new Date('2026-01-02T03:04:05Z');
    const rows = { read: 3, loaded: 2, rejected: 1 };
    const v1 = await createVersion(engine, THINGS, { contentHash: '0123456789ab', rows }, build(2), now);
    expect(v1).toEqual({
      version: 1,
      id: 't1-01234567',
      schema: 'th_1',
      contentHash: '0123456789ab',
      configHash: null,
      createdAt: '2026-01-02T03:04:05.000Z',
      rows,
      things: 2,
      meta: {},
    });
    const meta = { source: 'x' };
    await createVersion(engine, THINGS, { contentHash: 'ff', configHash: 'c', rows, meta }, build(5), now);
    const all = await listVersions(engine, THINGS);
    expect(all.map((v) => [v.id, v.things, v.configHash, v.meta])).toEqual([
      ['t1-01234567', 2, null, {}],
      ['t2-ff', 5, 'c', meta],
    ]);
    expect((await getVersion(engine, THINGS)).version).toBe(2);
    await expect(getVersion(engine, THINGS, 7)).rejects.toThrow('No thing version 7 (have 1, 2).');
    await engine.close();
  });

  it('leaves no schema and no row behind when the build fails', async () => {
    const THINGS = things('tf');
    const engine = await open();
    const rows = { read: 1, loaded: 1, rejected: 0 };
    await createVersion(engine, THINGS, { contentHash: 'aa', rows }, build(1));
    await expect(createVersion(engine, THINGS, { contentHash: 'bb', rows }, build(1, true))).rejects.toThrow(
      'boom',
    );
    expect((await listVersions(engine, THINGS)).map((v) => v.version)).toEqual([1]);
    const schemas = await engine.all(
      `SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'tf_%'`,
    );
    expect(schemas).toEqual([{ schema_name: 'tf_1' }]);
    await engine.close();
  });
});
