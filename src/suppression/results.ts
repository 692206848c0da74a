/**
 * `suppressResults`: make a results.json safe to share (issue #4 item 4). Used for `--audience public`.
 *
 * 1. Per measure, link every printed count pair (overall, groups, intersections, trend points) by their
 *    additive relations (cells.ts) and run primary + complementary suppression (table.ts).
 * 2. Measures with the same denominators (e.g. the five SDOH-2 domains) share one pattern: a group hidden in
 *    one is hidden in all, otherwise its denominator, shown elsewhere, would re-open the subtraction.
 * 3. Blank hidden cells (blank.ts), comparisons against a hidden reference, summary measures of strata
 *    with hidden groups (they are functions of every group's rate), trend gaps touching a hidden point,
 *    and findings about hidden or unprinted cells (dropped).
 * 4. Flag shown rates whose relative standard error exceeds `max_rse` as `unstable`.
 * 5. Data-quality rows with a small count are dropped (their counts are not nullable in the schema).
 * Input is not modified; the copy is stamped `audience: 'public'`.
 */
import { isOrdered } from '../analysis/order.js';
import type { SuppressionConfig } from '../config/suppression.js';
import { isStatus } from '../model/index.js';
import type { GroupResult, MeasureResult, ResultsFile, StratumTrend } from '../model/index.js';
import {
  blankChart,
  blankComparison,
  blankGroup,
  blankPoint,
  coarsenGroup,
  relativeStandardError,
} from './blank.js';
import { keyId, measureCells, PERIOD, type MeasureCells } from './cells.js';
import { foldSmallAreas, withholdIdentifying } from './labels.js';
import { DEFAULT_THRESHOLD } from './primary.js';
import { publicShortfalls } from './public-minimum.js';
import { isHidden, roundRate, suppressTable, type CellStatus, type SuppressionMap } from './table.js';

export interface SuppressResultsOptions extends Partial<SuppressionConfig> {
  /** Suppress numerators of 0 too (default false, CMS: 1–10). */
  suppressZero?: boolean;
  /** Suppress when denominator − numerator is small (default true). */
  complementRule?: boolean;
  /** Keep inequality summary measures of strata that have hidden groups (default false). */
  keepSummaries?: boolean;
  /** Cells to hide whatever their counts, by measure id (e.g. a small change since an earlier release). */
  hide?: ReadonlyMap<string, ReadonlySet<string>>;
}

export function suppressResults(results: ResultsFile, options: SuppressResultsOptions = {}): ResultsFile {
  const out = structuredClone(results);
  const withheld = withholdIdentifying(out);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const maxRse = options.max_rse ?? 0.3;
  const tableOpts = {
    threshold,
    complementary: options.complementary ?? true,
    suppressZero: options.suppressZero ?? false,
    complementRule: options.complementRule ?? true,
  };

  const built = out.measures.map((m) => measureCells(m, out.intersections));
  const already = out.measures.map((m) => [
    ...alreadyHidden(m, out.intersections),
    ...(options.hide?.get(m.id) ?? []),
  ]);
  const primaries = out.measures.map((m) => alreadyHidden(m, out.intersections, true));
  const linked = out.measures.map((_, i) =>
    out.measures.flatMap((__, j) => (sameDenominators(built[i]!, built[j]!) ? [j] : [])),
  );
  let maps: SuppressionMap[] = built.map(() => new Map());
  for (let round = 0; round < 20; round++) {
    const next = built.map((b, i) => {
      const forced = new Set(already[i]);
      const coarse = new Set<string>();
      // A group coarsened in a measure with the same denominators is coarsened here too (its exact
      // denominator shown here would give the other back).
      for (const j of linked[i]!)
        for (const [id, r] of maps[j]!)
          if (isHidden(r) && b.keys.has(id)) (r === 'coarsened' ? coarse : forced).add(id);
      for (const id of forced) coarse.delete(id);
      return suppressTable(b.cells, b.margins, { ...tableOpts, forced, coarse, protect: primaries[i]! });
    });
    const stable = next.every((m, i) => hiddenCount(m) === hiddenCount(maps[i]!));
    maps = next;
    if (stable && round > 0) break;
  }

  let hidden = 0;
  let unstable = 0;
  let coarsened = 0;
  out.measures.forEach((m, i) => {
    const map = maps[i]!;
    const c = [...map.values()].filter((r) => r === 'coarsened').length;
    coarsened += c;
    hidden += hiddenCount(map) - c;
    unstable += applyToMeasure(m, map, built[i]!, out.intersections, maxRse, options.keepSummaries ?? false);
  });
  out.findings = out.findings.filter((f) => {
    const i = out.measures.findIndex((m) => m.id === f.measure);
    const id = keyId(f.values);
    const b = built[i];
    const shown = b !== undefined && b.cells.some((c) => c.id === id && c.published !== false);
    if (!shown || isHidden(maps[i]!.get(id))) return false;
    // A parent's rate is the rate of a printed group: blank it when that group is hidden (findings can
    // share their parents with an intersection group, or carry their own, e.g. discovered subgroups).
    for (const parent of f.parents ?? []) {
      if (isHidden(maps[i]!.get(keyId({ [parent.stratifier]: parent.group }))))
        parent.rate = coarseRateOf(out.measures[i]!, parent.stratifier, parent.group);
    }
    return syncFinding(f, out);
  });
  const droppedQuality = suppressQuality(out, tableOpts.threshold);

  const folded = foldSmallAreas(out, (measure, s, group) => {
    const i = out.measures.findIndex((m) => m.id === measure);
    const facet = s.facet ? { [s.facet.name]: s.facet.value } : {};
    return maps[i]?.get(keyId({ ...facet, [s.stratifier]: group })) === 'small_denominator';
  });
  out.warnings.push(...withheld);
  if (folded > 0) {
    out.warnings.push({
      code: 'small_areas_folded',
      message: `${folded} area groups with fewer than ${threshold} units are shown as "Other area 1", "Other area 2"…: their labels would say someone from them is counted.`,
      count: folded,
    });
  }
  const shortfalls = publicShortfalls(tableOpts);
  out.stamp = { ...out.stamp, audience: shortfalls.length ? 'restricted' : 'public' };
  if (shortfalls.length) {
    out.warnings.push({
      code: 'below_public_minimum',
      message: `Not a public edition: ${shortfalls.map((f) => `${f.key} ${f.message}`).join('; ')}.${options.below_public_minimum ? ` Accepted by suppression.below_public_minimum: "${options.below_public_minimum}".` : ''}`,
      keys: shortfalls.map((f) => f.key),
      ...(options.below_public_minimum ? { override: options.below_public_minimum } : {}),
    });
  }
  out.settings = { ...out.settings, suppressionThreshold: threshold };
  if (hidden > 0) {
    out.warnings.push({
      code: 'small_cells_suppressed',
      message: `${hidden} values were suppressed: counts below ${threshold}, and other values that would let them be recomputed.`,
      count: hidden,
      threshold,
    });
  }
  if (coarsened > 0) {
    out.warnings.push({
      code: 'rates_rounded',
      message: `${coarsened} groups are shown with rates rounded to 0.1 percentage point and their counts withheld: exact counts would let a small count be recomputed.`,
      count: coarsened,
    });
  }
  if (unstable > 0) {
    out.warnings.push({
      code: 'unstable_rates',
      message: `${unstable} rates have a relative standard error above ${Math.round(maxRse * 100)}% and are flagged as unstable.`,
      count: unstable,
      maxRse,
    });
  }
  if (droppedQuality > 0) {
    out.warnings.push({
      code: 'quality_rows_suppressed',
      message: `${droppedQuality} data-quality rows were left out because they contain counts below ${threshold}.`,
      count: droppedQuality,
    });
  }
  return out;
}

/**
 * A finding repeats its group's comparison: take it from the public group, so what the group lost (a hidden
 * reference, a blanked gap direction) is lost here too. False (drop it) when the group is no longer compared.
 */
function syncFinding(f: ResultsFile['findings'][number], out: ResultsFile): boolean {
  if (f.kind === 'discovered') return true;
  const m = out.measures.find((x) => x.id === f.measure);
  let g: GroupResult | undefined;
  let ref: GroupResult | undefined;
  let gapDirection: StratumTrend['gapDirection'] | undefined;
  if (f.kind === 'stratum') {
    const [[stratifier, value] = []] = Object.entries(f.values);
    const s = m?.strata.find(
      (x) =>
        x.stratifier === stratifier && x.facet?.value === f.facet?.value && x.facet?.name === f.facet?.name,
    );
    g = s?.groups.find((x) => x.group === value);
    ref = s?.groups.find((x) => x.group === s.reference);
    gapDirection = s?.trend?.gap?.group === value ? s?.trend?.gapDirection : undefined;
  } else {
    const ix = out.intersections.find(
      (x) => x.measure === f.measure && x.groups.some((y) => keyId(y.values) === keyId(f.values)),
    );
    g = ix?.groups.find((y) => keyId(y.values) === keyId(f.values));
    ref = ix?.groups.find((y) => y.label === 'reference');
  }
  if (!g || g.suppressed || g.label === 'not_assessed') return false;
  Object.assign(f, {
    rate: g.rate,
    comparisonRate: ref && !ref.suppressed ? ref.rate : null,
    difference: g.difference,
    ratio: g.ratio,
    excessEvents: g.excessEvents,
    qValue: g.qValue,
    ...(f.denominator !== undefined ? { denominator: g.denominator } : {}),
    ...(f.gapDirection !== undefined && gapDirection !== undefined ? { gapDirection } : {}),
  });
  return true;
}

const hiddenCount = (m: SuppressionMap): number => [...m.values()].filter(isHidden).length;

/**
 * Cells already marked suppressed (re-suppressing a public file keeps them hidden); with `primary`, only
 * the groups hidden for their own small counts (they must stay protected: the public guard's re-audit).
 */
function alreadyHidden(
  m: MeasureResult,
  intersections: ResultsFile['intersections'],
  primary = false,
): string[] {
  const ids: string[] = [];
  // A public edition says only "suppressed": any of those may hide a small count, so all are protected.
  const hidden = (g: GroupResult): boolean =>
    g.suppressed && (!primary || g.suppressionReason !== 'complementary');
  for (const s of m.strata) {
    const facet = s.facet ? { [s.facet.name]: s.facet.value } : {};
    for (const g of s.groups) if (hidden(g)) ids.push(keyId({ ...facet, [s.stratifier]: g.group }));
    if (primary) continue;
    for (const series of s.trend?.groups ?? []) {
      for (const p of series.points) {
        if (p.suppressed) ids.push(keyId({ ...facet, [s.stratifier]: series.group, [PERIOD]: p.period }));
      }
    }
  }
  if (!primary) for (const p of m.trend ?? []) if (p.suppressed) ids.push(keyId({ [PERIOD]: p.period }));
  // A blanked overall has no `suppressed` flag: null counts (no data would be a denominator of 0).
  if (m.overall.denominator === null) ids.push(keyId({}));
  for (const ix of intersections.filter((i) => i.measure === m.id)) {
    for (const g of ix.groups) if (hidden(g)) ids.push(keyId(g.values));
  }
  return ids;
}

/** Two measures share denominators when every printed cell they have in common has the same one. */
function sameDenominators(a: MeasureCells, b: MeasureCells): boolean {
  const da = new Map(a.cells.filter((c) => c.published !== false).map((c) => [c.id, c.denominator]));
  let common = 0;
  for (const c of b.cells) {
    if (c.published === false || !da.has(c.id)) continue;
    if (da.get(c.id) !== c.denominator) return false;
    common++;
  }
  return common > 0;
}

/** The published rate of a top-level group shown coarsened (rounded), or null (hidden, or not found). */
function coarseRateOf(m: MeasureResult, stratifier: string, group: string): number | null {
  const g = m.strata
    .find((s) => !s.facet && s.stratifier === stratifier)
    ?.groups.find((x) => x.group === group);
  return g?.roundedTo !== undefined ? g.rate : null;
}

function applyToMeasure(
  m: MeasureResult,
  map: SuppressionMap,
  built: MeasureCells,
  intersections: ResultsFile['intersections'],
  maxRse: number,
  keepSummaries: boolean,
): number {
  let unstable = 0;
  const reasonOf = (key: Record<string, string>): CellStatus | undefined => map.get(keyId(key));
  const cellOf = new Map(built.cells.map((c) => [c.id, c]));
  const group = (
    g: GroupResult,
    reason: CellStatus | undefined,
    key?: Record<string, string>,
    ref?: GroupResult,
  ): void => {
    if (reason === 'coarsened' && key) {
      const c = cellOf.get(keyId(key));
      const step = c?.coarse?.step ?? c?.step;
      if (c && step !== undefined && c.numerator !== null && c.denominator) {
        const shownRef = ref && !ref.suppressed && ref.roundedTo === undefined && ref !== g ? ref.rate : null;
        return coarsenGroup(g, c.coarse?.rate ?? roundRate(c.numerator, c.denominator, step), step, shownRef);
      }
      // Audited again from a public file: the group is published coarsened already, as it is.
      if (g.roundedTo !== undefined) return;
    }
    // Only "suppressed" is printed: "small_denominator" would tell a reader 1 ≤ d ≤ threshold − 1.
    if (isHidden(reason)) return blankGroup(g, 'suppressed');
    if (reason === 'no_data') {
      g.suppressed = false;
      g.suppressionReason = 'no_data';
      return;
    }
    if (g.numerator !== null && g.denominator !== null && g.denominator > 0) {
      const flag = relativeStandardError(g.numerator, g.denominator, m.kind) > maxRse;
      if (flag) unstable++;
      g.unstable = flag;
    }
  };

  if (isHidden(reasonOf({}))) {
    m.overall = { numerator: null, denominator: null, rate: null, lower: null, upper: null };
    // Says nothing about why: the overall may be small, or hidden to protect another cell.
    m.warnings.push({
      code: 'overall_suppressed',
      message: 'The overall counts are suppressed to protect privacy.',
    });
  }
  for (const p of m.trend ?? []) if (isHidden(reasonOf({ [PERIOD]: p.period }))) blankPoint(p);
  if (m.trend && (isHidden(reasonOf({})) || m.trend.some((p) => p.suppressed))) blankChart(m.trend);

  for (const s of m.strata) {
    const facet: Record<string, string> = s.facet ? { [s.facet.name]: s.facet.value } : {};
    const at = (groupName: string, period?: string) =>
      reasonOf({
        ...facet,
        [s.stratifier]: groupName,
        ...(period === undefined ? {} : { [PERIOD]: period }),
      });
    // D and R of an ordered stratifier (age) compare its two end groups, chosen by order, not by rate
    // (WHO HEAT): when both are shown they are a difference and a ratio of two shown rates, and stay.
    const ends = isOrdered(s.stratifier)
      ? s.groups.filter((g) => !isStatus(g.group) && g.denominator && g.rate !== null)
      : [];
    const endsShown = ends.length >= 2 && [ends[0]!, ends.at(-1)!].every((g) => !isHidden(at(g.group)));
    const refGroup = s.groups.find((g) => g.group === s.reference);
    // The reference first: a coarsened group is compared with it only when it is shown exactly.
    const order = refGroup ? [refGroup, ...s.groups.filter((g) => g !== refGroup)] : s.groups;
    for (const g of order) group(g, at(g.group), s.facet ? undefined : { [s.stratifier]: g.group }, refGroup);
    const refHidden = s.reference !== null && isHidden(at(s.reference));
    if (refHidden) {
      for (const g of s.groups) if (!g.suppressed) blankComparison(g);
      s.warnings.push({
        code: 'reference_suppressed',
        message: `The reference group is suppressed, so differences and ratios against it are not shown.`,
      });
    }
    if (!keepSummaries && s.groups.some((g) => g.suppressed || g.roundedTo !== undefined)) {
      for (const sm of s.summary) {
        if (endsShown && (sm.measure === 'D' || sm.measure === 'R')) continue;
        sm.estimate = null;
        sm.se = null;
        sm.lower = null;
        sm.upper = null;
        // Its own warnings were read from every group too ("1 subgroup estimate of 0 was replaced"):
        // only the suppression is said.
        sm.warnings = [];
        sm.warnings.push({
          code: 'summary_suppressed',
          message:
            'Not shown: it is computed from groups that are suppressed and could give their rates back.',
        });
      }
    }
    if (s.trend) {
      for (const series of s.trend.groups) {
        for (const p of series.points) if (isHidden(at(series.group, p.period))) blankPoint(p);
        if (isHidden(at(series.group)) || series.points.some((p) => p.suppressed)) blankChart(series.points);
      }
      const gap = s.trend.gap;
      if (gap) {
        const touches = (period: string): boolean =>
          isHidden(at(gap.group, period)) || (s.reference !== null && isHidden(at(s.reference, period)));
        let blanked = false;
        for (const p of gap.points) {
          if (!touches(p.period)) continue;
          p.difference = null;
          blanked = true;
        }
        // The gap's signals and direction are read from every gap point, the hidden ones included.
        if (blanked) {
          for (const p of gap.points) if (p.signals !== undefined) p.signals = [];
          s.trend.gapDirection = 'not_assessed';
        }
      }
    }
  }

  for (const ix of intersections.filter((i) => i.measure === m.id)) {
    const ref = ix.groups.find((g) => g.label === 'reference');
    const refHidden = ref !== undefined && isHidden(reasonOf(ref.values));
    for (const g of ix.groups) {
      group(g, reasonOf(g.values));
      if (refHidden && !g.suppressed) blankComparison(g);
      for (const parent of g.parents) {
        if (isHidden(reasonOf({ [parent.stratifier]: parent.group })))
          parent.rate = coarseRateOf(m, parent.stratifier, parent.group);
      }
    }
  }
  return unstable;
}

/** Drop quality rows holding a small count (known/unknown/declined/missing as parts of total). */
function suppressQuality(out: ResultsFile, threshold: number): number {
  if (!out.quality) return 0;
  const before = out.quality.length;
  out.quality = out.quality.filter((q) => {
    const parts = ['known', 'unknown', 'declined', 'missing'] as const;
    const cells = [
      { id: 'total', numerator: null, denominator: q.total },
      ...parts.map((p) => ({ id: p, numerator: null, denominator: q[p] })),
    ];
    const r = suppressTable(cells, [{ total: 'total', parts: [...parts] }], threshold);
    return hiddenCount(r) === 0;
  });
  return before - out.quality.length;
}
