/** The application store's tables as Kysely sees them. No clinical rows: accounts, organisation, aggregates. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Every record keeps who created and last updated it, and when. */
interface Stamped {
  created_at: Stamp;
  created_by: string;
  updated_at: Stamp;
  updated_by: string;
}

export interface UsersTable extends Stamped {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string | null;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  disabled: Generated<boolean>;
  email: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Stamp;
  last_seen_at: Stamp;
  expires_at: Date;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  scope: string;
  key: string;
  at: Stamp;
}

export interface AuditTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor: string;
  action: string;
  record_table: string;
  record_id: string;
  before: unknown;
  after: unknown;
}

export interface AnalysesTable extends Stamped {
  id: string;
  title: string;
  dataset_version: number;
  config_hash: string;
  software_version: string;
  results: unknown;
}

export interface UnitsTable extends Stamped {
  id: string;
  kind: string;
  name: string;
}

export interface ApiTokensTable extends Stamped {
  id: string;
  user_id: string;
  name: string;
  expires_at: Date;
}

export interface InvitesTable extends Stamped {
  id: string;
  role: string;
  display_name: string;
  expires_at: Date;
  used_at: Date | null;
  used_by: string | null;
}

export interface JobsTable extends Stamped {
  id: string;
  kind: string;
  status: string;
  progress: Generated<string>;
  error: unknown;
  analysis_id: string | null;
}

export interface MembershipsTable extends Stamped {
  user_id: string;
  unit_id: string;
}

export interface DB {
  memberships: MembershipsTable;
  jobs: JobsTable;
  invites: InvitesTable;
  api_tokens: ApiTokensTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditTable;
  analyses: AnalysesTable;
  units: UnitsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditEntry = Selectable<AuditTable>;
export type Analysis = Selectable<AnalysesTable>;
export type Unit = Selectable<UnitsTable>;
