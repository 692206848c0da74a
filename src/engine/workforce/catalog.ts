/**
 * Workforce versions: created atomically (schema, tables and catalog row in one transaction, so a failed
 * ingest leaves no half-written version and the newest stays what it was), listed and looked up like the
 * patient datasets — the same versioned catalogue (engine/catalog.ts), table `workforce_versions`.
 */
import { notFound } from '../../errors.js';
import {
  createVersion,
  getVersion,
  listVersions,
  type CatalogKind,
  type CatalogVersion,
  type NewCatalogVersion,
} from '../catalog.js';
import type { Engine } from '../dialect.js';
import { createWorkforceTables, workforceSchema } from './tables.js';

export interface WorkforceVersion extends CatalogVersion {
  /** Distinct employees, and distinct periods (0 when the extract has none). */
  employees: number;
  periods: number;
}

/** The workforce catalogue: `wf<version>-<hash>` in schema `wf_<version>`. */
const WORKFORCE: CatalogKind<WorkforceVersion, 'employees' | 'periods'> = {
  table: 'workforce_versions',
  idPrefix: 'wf',
  schema: workforceSchema,
  counts: ['employees', 'periods'],
  countsSql: (schema) =>
    `SELECT COUNT(DISTINCT employee_id) AS employees, COUNT(DISTINCT NULLIF(period, '')) AS periods FROM ${schema}.employees`,
  toVersion: (common, counts) => ({ ...common, ...counts }),
  notFound: (version, have) =>
    notFound(
      version === undefined
        ? 'The workspace has no workforce data yet.'
        : `Workforce version ${version} is not in the workspace (it has ${have}).`,
      {
        fix:
          version === undefined
            ? 'Load the HR extract of the config (its workforce: section) into the workspace first.'
            : 'Choose one of the workforce versions the workspace holds.',
        next: 'ingest_workforce',
      },
    ),
};

/** Every workforce version, oldest first (none when the workspace has no catalog yet). */
export const listWorkforceVersions = (engine: Engine): Promise<WorkforceVersion[]> =>
  listVersions(engine, WORKFORCE);

/** A workforce version by number, or the newest when `version` is undefined. */
export const getWorkforceVersion = (engine: Engine, version?: number): Promise<WorkforceVersion> =>
  getVersion(engine, WORKFORCE, version);

export type NewWorkforceVersion = NewCatalogVersion;

/**
 * Create the next workforce version atomically: `fill(schema, tx)` loads the tables (already created); the
 * catalog row, with the employee and period counts, is written last in the same transaction.
 */
export function createWorkforceVersion(
  engine: Engine,
  summary: NewWorkforceVersion,
  fill: (schema: string, engine: Engine) => Promise<void>,
  now: () => Date = () => new Date(),
): Promise<WorkforceVersion> {
  const build = async (schema: string, tx: Engine): Promise<void> => {
    await createWorkforceTables(tx, schema);
    await fill(schema, tx);
  };
  return createVersion(engine, WORKFORCE, summary, build, now);
}
