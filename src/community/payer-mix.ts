/**
 * Payer mix (AMA STEPS Forward equity toolkit): the percentage of Medicaid and uninsured patients the health
 * system treats minus the percentage in its community, and each department, site or clinician group's share
 * of those patients against its peers on a funnel plot.
 *
 * System: patients' share p = x/n over the catchment (Wilson interval), community share c with its ACS standard
 * error; difference d = p − c with a MOVER interval (Newcombe 1998 method 10; Zou & Donner 2008), as in
 * `compareMix`.
 *
 * Units: within each facet, the target is the pooled share p₀ = Σx/Σn of its units. Control limits for a unit
 * of n patients are the exact binomial quantiles of Binomial(n, p₀) at (1 − L)/2 and 1 − (1 − L)/2, divided by
 * n (Spiegelhalter 2005, Stat Med 24:1185, "Funnel plots for comparing institutional performance"; L = 0.998,
 * the "3 sigma" limits, by default). A unit is flagged `low` (or `high`) when its share is outside the limits
 * on that side AND its two-sided exact binomial p-value, P = min(1, 2·min(P(X ≤ x), P(X ≥ x))), survives
 * Benjamini–Hochberg false-discovery control across all units of all facets at `fdr` (default 0.05).
 */
import { benjaminiHochberg, wilson } from '../stats/index.js';
import { binomCdf, binomInv, zFor } from '../stats/distributions.js';
import type { AreaTable } from './areas.js';
import { patientsByArea, selectCatchment, type Catchment } from './catchment.js';
import { communityShares, type CommunityShare } from './community-share.js';
import type { PatientCount } from './patient-counts.js';

export const PAYER_ATTRIBUTE = 'payer';
export const DEFAULT_PAYER_GROUPS: readonly string[] = ['medicaid', 'uninsured'];

export interface PayerMixSystem {
  patients: number;
  patients_total: number;
  patients_share: number | null;
  community_share: number | null;
  difference: number | null;
  lower: number | null;
  upper: number | null;
  /**
   * The payer groups compared on both sides: the requested ones the community source has (only `uninsured`
   * from the SVI file, which has no Medicaid estimate).
   */
  community_groups: string[];
}

export interface PayerMixUnit {
  facet: string;
  unit: string;
  patients: number;
  /** Medicaid or uninsured patients of the unit. */
  count: number;
  share: number;
  expected: number;
  lower_limit: number;
  upper_limit: number;
  p_value: number;
  q_value: number;
  flag: 'low' | 'high' | null;
}

export interface PayerMixOptions {
  groups?: readonly string[];
  level?: number;
  funnelLevel?: number;
  fdr?: number;
}

const isPayer = (c: PatientCount) => c.attribute === PAYER_ATTRIBUTE;

/** x (patients in the payer groups) and n (all patients with a payer) for one facet/unit, optionally in areas. */
function tally(
  counts: readonly PatientCount[],
  groups: ReadonlySet<string>,
  pick: (c: PatientCount) => boolean,
): { x: number; n: number } {
  let x = 0;
  let n = 0;
  for (const c of counts) {
    if (!isPayer(c) || !pick(c)) continue;
    n += c.count;
    if (groups.has(c.group)) x += c.count;
  }
  return { x, n };
}

/** The community share of the payer groups: `payer` rows if the source has them, else SVI's `uninsured`. */
function communityPayerShare(
  shares: readonly CommunityShare[],
  groups: readonly string[],
): { share: number; se: number; groups: string[] } | null {
  const payer = shares.filter((s) => s.attribute === PAYER_ATTRIBUTE && groups.includes(s.group));
  const svi = groups.includes('uninsured')
    ? shares.filter((s) => s.attribute === 'uninsured' && s.group === 'yes')
    : [];
  const rows = payer.length > 0 ? payer : svi;
  if (rows.length === 0) return null;
  const denominator = rows[0]!.denominator;
  if (denominator <= 0) return null;
  const share = rows.reduce((s, r) => s + r.estimate, 0) / denominator;
  const se = Math.hypot(...rows.map((r) => r.se));
  return { share, se, groups: payer.length > 0 ? payer.map((r) => r.group) : ['uninsured'] };
}

export function payerMixSystem(
  counts: readonly PatientCount[],
  areas: readonly string[],
  shares: readonly CommunityShare[],
  opts: PayerMixOptions = {},
): PayerMixSystem {
  const groups = opts.groups ?? DEFAULT_PAYER_GROUPS;
  const inside = new Set(areas);
  const community = communityPayerShare(shares, groups);
  // Like with like: when the community source has only some of the groups (SVI: uninsured), count those.
  const counted = new Set(community?.groups ?? groups);
  const { x, n } = tally(counts, counted, (c) => c.facet === '' && inside.has(c.area));
  const base = { patients: x, patients_total: n, community_groups: community?.groups ?? [] };
  if (n === 0 || !community) {
    const share = n === 0 ? null : x / n;
    const nothing = { difference: null, lower: null, upper: null };
    return { ...base, patients_share: share, community_share: community?.share ?? null, ...nothing };
  }
  const p = x / n;
  const w = wilson(x, n, opts.level ?? 0.95)!;
  const cz = zFor(opts.level ?? 0.95) * community.se;
  const d = p - community.share;
  return {
    ...base,
    patients_share: p,
    community_share: community.share,
    difference: d,
    lower: d - Math.hypot(p - w.lower, cz),
    upper: d + Math.hypot(w.upper - p, cz),
  };
}

/** Two-sided exact binomial p-value of x successes in n at p₀ (doubling the smaller tail). */
export function binomialTwoSided(x: number, n: number, p0: number): number {
  const lowerTail = binomCdf(x, n, p0);
  const upperTail = x === 0 ? 1 : 1 - binomCdf(x - 1, n, p0);
  return Math.min(1, 2 * Math.min(lowerTail, upperTail));
}

type Raw = Omit<PayerMixUnit, 'q_value' | 'flag'>;

function funnelRows(counts: readonly PatientCount[], groups: ReadonlySet<string>, level: number): Raw[] {
  const facets = [...new Set(counts.filter((c) => isPayer(c) && c.facet !== '').map((c) => c.facet))];
  const rows: Raw[] = [];
  for (const facet of facets) {
    const units = [...new Set(counts.filter((c) => isPayer(c) && c.facet === facet).map((c) => c.unit))];
    const tallies = units.map((unit) => ({
      unit,
      ...tally(counts, groups, (c) => c.facet === facet && c.unit === unit),
    }));
    const total = tallies.reduce((s, t) => s + t.n, 0);
    if (total === 0) continue;
    const p0 = tallies.reduce((s, t) => s + t.x, 0) / total;
    for (const t of tallies.filter((u) => u.n > 0).sort((a, b) => (a.unit < b.unit ? -1 : 1))) {
      const tail = (1 - level) / 2;
      rows.push({
        facet,
        unit: t.unit,
        patients: t.n,
        count: t.x,
        share: t.x / t.n,
        expected: p0,
        lower_limit: binomInv(tail, t.n, p0) / t.n,
        upper_limit: binomInv(1 - tail, t.n, p0) / t.n,
        p_value: binomialTwoSided(t.x, t.n, p0),
      });
    }
  }
  return rows;
}

/** Every facet's units on a funnel plot, flagged with false-discovery control across all of them. */
export function payerMixUnits(counts: readonly PatientCount[], opts: PayerMixOptions = {}): PayerMixUnit[] {
  const groups = new Set(opts.groups ?? DEFAULT_PAYER_GROUPS);
  const rows = funnelRows(counts, groups, opts.funnelLevel ?? 0.998);
  const q = benjaminiHochberg(rows.map((r) => r.p_value));
  const fdr = opts.fdr ?? 0.05;
  return rows.map((r, i) => {
    const qi = q[i] ?? 1;
    const outside = r.share < r.lower_limit ? 'low' : r.share > r.upper_limit ? 'high' : null;
    return { ...r, q_value: qi, flag: qi <= fdr ? outside : null };
  });
}

export interface PayerMixReport {
  catchment: Catchment;
  system: PayerMixSystem;
  units: PayerMixUnit[];
  method: string;
}

export const PAYER_MIX_METHOD =
  'System: share of Medicaid and uninsured patients living in the catchment minus the community share ' +
  '(Wilson interval for the patients, ACS margin of error for the community, MOVER interval for the difference). ' +
  'Units: exact binomial funnel limits around the pooled share of their facet (Spiegelhalter 2005); a unit is ' +
  'flagged when outside the limits and its two-sided exact binomial test survives Benjamini–Hochberg control.';

/** The `equilens payer-mix` result. */
export function payerMixReport(
  counts: readonly PatientCount[],
  community: AreaTable,
  opts: PayerMixOptions & { share?: number; areas?: readonly string[] } = {},
): PayerMixReport {
  const payer = counts.filter(isPayer);
  const catchment = selectCatchment(patientsByArea(payer), opts);
  const shares = communityShares(community.counts, catchment.areas);
  return {
    catchment,
    system: payerMixSystem(payer, catchment.areas, shares, opts),
    units: payerMixUnits(payer, opts),
    method: PAYER_MIX_METHOD,
  };
}
