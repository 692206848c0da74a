/**
 * Compare two analyses (A, earlier; B, later): for every measure, stratum (stratifier and unit facet) and
 * group present in both, the change in rate (B − A) and the change in gap (B's difference from its reference
 * minus A's), each with a 95% interval by MOVER — the method of variance estimates recovery (Zou & Donner
 * 2008, Stat Med 27:1693), which combines each estimate's own interval:
 *   lower = d − √((θB − lB)² + (uA − θA)²),  upper = d + √((uB − θB)² + (θA − lA)²).
 * With Wilson intervals for the rates this is Newcombe's hybrid score interval (Newcombe 1998, method 10).
 * The two analyses are treated as independent samples (different periods or patients); when they share
 * patients the interval is conservative. A value hidden by suppression, or absent, gives `null` with a reason.
 */
import type { GroupResult, MeasureResult, ResultsFile, StratumResult } from '../model/results.js';

export const COMPARE_METHOD =
  'Change B − A with MOVER intervals (Zou & Donner 2008) from each analysis’s own intervals; ' +
  'equals Newcombe’s hybrid score interval for Wilson-interval rates; analyses treated as independent.';

export type Missing = 'suppressed' | 'not_in_a' | 'not_in_b' | 'no_value' | 'no_interval';

export interface Change {
  a: number | null;
  b: number | null;
  change: number | null;
  lower: number | null;
  upper: number | null;
  /** Why `change` is null. */
  reason?: Missing;
}

export interface CompareRow {
  measure: string;
  stratifier: string;
  /** `kind:name` of the unit, or null for organisation-wide. */
  facet: string | null;
  group: string;
  reference_a: string | null;
  reference_b: string | null;
  rate: Change;
  gap: Change;
}

interface Est {
  value: number | null;
  lower: number | null;
  upper: number | null;
  suppressed?: boolean;
}

/** MOVER change B − A; `bounds` clips (proportions stay within [−1, 1]). */
export function moverChange(a: Est | undefined, b: Est | undefined, bounds?: [number, number]): Change {
  const out = (reason: Missing): Change => ({
    a: a?.value ?? null,
    b: b?.value ?? null,
    change: null,
    lower: null,
    upper: null,
    reason,
  });
  if (!a) return out('not_in_a');
  if (!b) return out('not_in_b');
  if (a.suppressed || b.suppressed) return out('suppressed');
  if (a.value === null || b.value === null) return out('no_value');
  if (a.lower === null || a.upper === null || b.lower === null || b.upper === null) {
    return { ...out('no_interval'), change: b.value - a.value };
  }
  const d = b.value - a.value;
  let lower = d - Math.sqrt((b.value - b.lower) ** 2 + (a.upper - a.value) ** 2);
  let upper = d + Math.sqrt((b.upper - b.value) ** 2 + (a.value - a.lower) ** 2);
  if (bounds) {
    lower = Math.max(bounds[0], lower);
    upper = Math.min(bounds[1], upper);
  }
  return { a: a.value, b: b.value, change: d, lower, upper };
}

const rateOf = (g: GroupResult | undefined): Est | undefined =>
  g && { value: g.rate, lower: g.lower, upper: g.upper, suppressed: g.suppressed };
const gapOf = (g: GroupResult | undefined): Est | undefined =>
  g && { value: g.difference, lower: g.differenceLower, upper: g.differenceUpper, suppressed: g.suppressed };

const facetOf = (s: StratumResult): string | null => (s.facet ? `${s.facet.name}:${s.facet.value}` : null);
const strataKey = (s: StratumResult): string => `${s.stratifier}\u0000${facetOf(s) ?? ''}`;

function measureRows(ma: MeasureResult, mb: MeasureResult): CompareRow[] {
  const bounds: [number, number] | undefined = ma.kind === 'rate' ? undefined : [-1, 1];
  const rows: CompareRow[] = [
    {
      measure: ma.id,
      stratifier: 'overall',
      facet: null,
      group: 'overall',
      reference_a: null,
      reference_b: null,
      rate: moverChange(
        { value: ma.overall.rate, lower: ma.overall.lower, upper: ma.overall.upper },
        { value: mb.overall.rate, lower: mb.overall.lower, upper: mb.overall.upper },
        bounds,
      ),
      gap: { a: null, b: null, change: null, lower: null, upper: null, reason: 'no_value' },
    },
  ];
  const inB = new Map(mb.strata.map((s) => [strataKey(s), s]));
  for (const sa of ma.strata) {
    const sb = inB.get(strataKey(sa));
    if (!sb) continue;
    const groupsB = new Map(sb.groups.map((g) => [g.group, g]));
    const names = [...new Set([...sa.groups.map((g) => g.group), ...groupsB.keys()])];
    for (const name of names) {
      const ga = sa.groups.find((g) => g.group === name);
      const gb = groupsB.get(name);
      rows.push({
        measure: ma.id,
        stratifier: sa.stratifier,
        facet: facetOf(sa),
        group: name,
        reference_a: sa.reference,
        reference_b: sb.reference,
        rate: moverChange(rateOf(ga), rateOf(gb), bounds),
        gap: moverChange(gapOf(ga), gapOf(gb), bounds && [-2, 2]),
      });
    }
  }
  return rows;
}

/** One row per (measure, stratifier, facet, group) found in both analyses' measures; overall rows first. */
export function compareResults(a: ResultsFile, b: ResultsFile): CompareRow[] {
  const inB = new Map(b.measures.map((m) => [m.id, m]));
  return a.measures.flatMap((ma) => {
    const mb = inB.get(ma.id);
    return mb ? measureRows(ma, mb) : [];
  });
}
