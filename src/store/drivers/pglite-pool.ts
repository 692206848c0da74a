/**
 * PGlite behind Kysely's PostgreSQL dialect: a one-connection "pool" whose clients take turns, so a
 * transaction (BEGIN … COMMIT on one client) is never interleaved with another request's statements.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];

function commandOf(sql: string): Command {
  const word = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT';
  return (
    ['UPDATE', 'DELETE', 'INSERT', 'MERGE', 'COMMIT', 'ROLLBACK'].includes(word) ? word : 'SELECT'
  ) as Command;
}

export function pglitePool(db: PGlite): PostgresPool {
  let queue: Promise<void> = Promise.resolve();
  return {
    async connect(): Promise<PostgresPoolClient> {
      let release!: () => void;
      const turn = new Promise<void>((r) => (release = r));
      const before = queue;
      queue = queue.then(() => turn);
      await before;
      const client = {
        async query(sql: string, parameters: ReadonlyArray<unknown>) {
          const r = await db.query(sql, [...parameters]);
          return { command: commandOf(sql), rowCount: r.affectedRows ?? r.rows.length, rows: r.rows };
        },
        release: () => release(),
      };
      return client as unknown as PostgresPoolClient;
    },
    async end() {
      await queue;
      await db.close();
    },
  };
}
