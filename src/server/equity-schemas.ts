/**
 * The files `equilens community`, `payer-mix` and `workforce` write (community.json, payer-mix.json,
 * workforce.json, workforce.public.json) as zod schemas: imports are read through them (unknown keys are
 * dropped, so only these aggregates enter the store) and the OpenAPI document is generated from them. A
 * public edition may withhold any count or figure (null) and says so with `suppressed: true`.
 */
import { z } from 'zod';
import { EQUITY_KINDS } from '../store/equity-results.js';

const n = z.number().nullable();
const count = z.number().int().nonnegative().nullable();
const suppressed = z.boolean().optional();
const unitTag = { facet: z.string().optional(), unit: z.string().optional() };

export const Catchment = z.object({ areas: z.array(z.string()), share: z.number() });

export const ComparisonRow = z.object({
  ...unitTag,
  attribute: z.string(),
  group: z.string(),
  patients: count,
  patients_total: count,
  patients_share: n,
  community_share: z.number(),
  difference: n,
  lower: n,
  upper: n,
  suppressed,
});
export const InclusivityRow = z.object({
  ...unitTag,
  attribute: z.string(),
  index: n,
  lower: n,
  upper: n,
  suppressed,
});
/** A catchment area's SVI overall percentile (area data from the CDC/ATSDR SVI file, not patient data). */
export const CommunityArea = z.object({
  area: z.string(),
  name: z.string().nullable().default(null),
  svi: z.number().min(0).max(1).nullable(),
});
export const CommunityFile = z.object({
  catchment: Catchment,
  comparison: z.array(ComparisonRow),
  inclusivity: z.array(InclusivityRow).default([]),
  /** Present when the community source was an SVI file. */
  areas: z.array(CommunityArea).optional(),
});

export const PayerMixSystem = z.object({
  patients: count,
  patients_total: count,
  patients_share: n,
  community_share: n,
  difference: n,
  lower: n,
  upper: n,
  community_groups: z.array(z.string()).default([]),
  suppressed,
});
export const PayerMixUnit = z.object({
  facet: z.string(),
  unit: z.string(),
  patients: count,
  count: count,
  share: n,
  expected: n,
  lower_limit: n,
  upper_limit: n,
  p_value: n,
  q_value: n,
  flag: z.enum(['low', 'high']).nullable(),
  suppressed,
});
export const PayerMixFile = z.object({
  catchment: Catchment,
  system: PayerMixSystem,
  units: z.array(PayerMixUnit),
  method: z.string().default(''),
});

export const RepresentationRow = z.object({
  level: z.string(),
  attribute: z.string(),
  group: z.string(),
  employees: count,
  total: count,
  share: n,
  lower: n,
  upper: n,
  patients_share: n,
  community_share: n,
  suppressed,
});
export const RateRow = z.object({
  event: z.string(),
  attribute: z.string(),
  group: z.string(),
  reference: z.string().nullable(),
  employees: count,
  events: count,
  rate: n,
  lower: n,
  upper: n,
  difference: n,
  difference_lower: n,
  difference_upper: n,
  p_value: n,
  q_value: n,
  suppressed,
});
export const PayGapRow = z.object({
  attribute: z.string(),
  group: z.string(),
  reference: z.string(),
  employees: count,
  unadjusted: n,
  unadjusted_lower: n,
  unadjusted_upper: n,
  adjusted: n,
  lower: n,
  upper: n,
  p_value: n,
  q_value: n,
  reason: z.string().nullable().default(null),
  suppressed,
});
export const WorkforceFile = z.object({
  audience: z.enum(['internal', 'public']),
  threshold: z.number().int().positive(),
  employees: count,
  representation: z.array(RepresentationRow),
  rates: z.array(RateRow),
  pay_gap: z.array(PayGapRow),
  methods: z.record(z.string(), z.string()).default({}),
});

export type CommunityFile = z.infer<typeof CommunityFile>;
export type PayerMixFile = z.infer<typeof PayerMixFile>;
export type WorkforceFile = z.infer<typeof WorkforceFile>;
export type EquityDocument = CommunityFile | PayerMixFile | WorkforceFile;

export const EquityKind = z.enum(EQUITY_KINDS);
export const FILE_SCHEMAS = {
  community: CommunityFile,
  payer_mix: PayerMixFile,
  workforce: WorkforceFile,
} as const;

const stamp = {
  created_at: z.string(),
  created_by: z.string(),
  updated_at: z.string(),
  updated_by: z.string(),
};

/** The import body (JSON): the internal file, the public one, or both (workforce). */
export const EquityImport = z.object({
  kind: EquityKind,
  title: z.string().trim().min(1).max(200),
  internal: z.unknown().optional(),
  public: z.unknown().optional(),
  /** The smallest patient (or employee) count the public edition shows; at least 11. */
  threshold: z.coerce.number().int().min(11).max(1000).optional(),
  analysis_id: z.string().optional(),
});
export const EquitySummary = z.object({
  id: z.string(),
  kind: EquityKind,
  title: z.string(),
  threshold: z.number().int(),
  analysis_id: z.string().nullable(),
  has_internal: z.boolean(),
  ...stamp,
});
export const EquitySummaryBody = z.object({ result: EquitySummary });
export const EquityListBody = z.object({ results: z.array(EquitySummary) });
export const EquityResultBody = z.object({
  result: EquitySummary,
  audience: z.enum(['internal', 'public']),
  document: z.union([CommunityFile, PayerMixFile, WorkforceFile]),
});
export const EquityTableQuery = z.object({
  table: z.enum([
    'comparison',
    'inclusivity',
    'areas',
    'system',
    'units',
    'representation',
    'rates',
    'pay_gap',
  ]),
});
export const EquityRowsBody = z.object({
  table: z.string(),
  audience: z.enum(['internal', 'public']),
  rows: z.array(z.record(z.string(), z.unknown())),
});
