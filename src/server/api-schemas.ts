/** The JSON API's bodies as zod schemas: handlers read requests through them and the OpenAPI document is generated from them. */
import { z } from 'zod';
import { ResultsSchema } from '../model/results-schema.js';
import { UNIT_KINDS } from '../store/units.js';

const stamp = {
  created_at: z.string(),
  created_by: z.string(),
  updated_at: z.string(),
  updated_by: z.string(),
};

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }),
});
export const LoginBody = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  next: z.string().optional(),
});
export const SignedInBody = z.object({
  user: z.object({ id: z.string(), username: z.string(), role: z.string() }),
});
export const AnalysisSummary = z.object({
  id: z.string(),
  title: z.string(),
  dataset_version: z.number().int(),
  config_hash: z.string(),
  software_version: z.string(),
  ...stamp,
});
export const ImportBody = z.object({ title: z.string().min(1).max(200), results: ResultsSchema });
export const AnalysisBody = z.object({ analysis: AnalysisSummary });
export const AnalysesBody = z.object({ analyses: z.array(AnalysisSummary) });
export const AnalysisResultsBody = z.object({ analysis: AnalysisSummary, results: ResultsSchema });
export const RowsBody = z.object({
  selection: z.record(z.string(), z.unknown()),
  rows: z.array(z.record(z.string(), z.unknown())),
});
export const UnitForm = z.object({ kind: z.enum(UNIT_KINDS), name: z.string().trim().min(1).max(200) });
export const Unit = z.object({ id: z.string(), kind: z.enum(UNIT_KINDS), name: z.string(), ...stamp });
export const UnitBody = z.object({ unit: Unit });
export const UnitsBody = z.object({ units: z.array(Unit) });
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  record_table: z.string(),
  record_id: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const AuditBody = z.object({ entries: z.array(AuditEntry) });
export const TokenForm = z.object({ name: z.string().trim().min(1).max(100) });
export const TokenBody = z.object({ token: z.string(), name: z.string(), expires_at: z.string() });
export const Health = z.object({ ok: z.boolean() });
export const InviteForm = z.object({
  role: z.enum(['analyst', 'council_member', 'department_champion', 'community_member']),
  displayName: z.string().trim().min(1).max(200),
});
export const InviteBody = z.object({ url: z.string(), expires_in_days: z.number() });
export const User = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  role: z.string(),
  ...stamp,
});
export const UsersBody = z.object({ users: z.array(User) });
export const JobForm = z.object({ title: z.string().trim().min(1).max(200) });
export const JobBody = z.object({
  job: z.object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.string(),
    error: z.unknown(),
    analysis_id: z.string().nullable(),
    ...stamp,
  }),
});
export const MembershipForm = z.object({ username: z.string().min(1), unit: z.string().min(1) });
export const MembershipBody = z.object({ username: z.string(), unit: z.string() });
export const CompareQuery = z.object({
  a: z.string().min(1),
  b: z.string().min(1),
  measure: z.string().optional(),
});
const Change = z.object({
  a: z.number().nullable(),
  b: z.number().nullable(),
  change: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  reason: z.enum(['suppressed', 'not_in_a', 'not_in_b', 'no_value', 'no_interval']).optional(),
});
export const CompareBody = z.object({
  a: AnalysisSummary,
  b: AnalysisSummary,
  method: z.string(),
  rows: z.array(
    z.object({
      measure: z.string(),
      stratifier: z.string(),
      facet: z.string().nullable(),
      group: z.string(),
      reference_a: z.string().nullable(),
      reference_b: z.string().nullable(),
      rate: Change,
      gap: Change,
    }),
  ),
});
export const EmailForm = z.object({
  username: z.string().min(1),
  email: z.union([z.email(), z.literal('')]),
});
export const EmailBody = z.object({ username: z.string(), email: z.string().nullable() });
