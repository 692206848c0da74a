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

export interface AlgorithmsTable extends Stamped {
  id: string;
  name: string;
  vendor: string;
  purpose: string;
  decisions: string;
  inputs: string[];
  protected_inputs: string[];
  owner: string;
  unit_id: string | null;
  last_audit_on: string | null;
  last_audit_result: string;
  mitigation: string;
}

export interface AlgorithmAuditsTable extends Stamped {
  id: string;
  algorithm_id: string;
  title: string;
  summary: unknown;
  results: unknown;
}

export interface EquityResultsTable extends Stamped {
  id: string;
  /** community | payer_mix | workforce */
  kind: string;
  title: string;
  /** The smallest count the public edition shows. */
  threshold: number;
  analysis_id: string | null;
  /** The internal edition (every cell); null when only a public file was imported. */
  internal: unknown;
  /** The public edition (small counts withheld): what everyone but staff sees. */
  public: unknown;
}

export interface DB {
  equity_results: EquityResultsTable;
  algorithms: AlgorithmsTable;
  algorithm_audits: AlgorithmAuditsTable;
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
export type Algorithm = Selectable<AlgorithmsTable>;
export type AlgorithmAudit = Selectable<AlgorithmAuditsTable>;
export type EquityResult = Selectable<EquityResultsTable>;
