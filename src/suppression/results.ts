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
import type { SuppressionConfig } from '../config/suppression.js';
import type { GroupResult, MeasureResult, ResultsFile, SuppressionReason } from '../model/index.js';
import { blankComparison, blankGroup, blankPoint, relativeStandardError } from './blank.js';
import { keyId, measureCells, PERIOD, type MeasureCells } from './cells.js';
import { DEFAULT_THRESHOLD } from './primary.js';
import { isHidden, suppressTable, type SuppressionMap } from './table.js';

export interface SuppressResultsOptions extends Partial<SuppressionConfig> {
  /** Suppress numerators of 0 too (default false, CMS: 1–10). */
  suppressZero?: boolean;
  /** Suppress when denominator − numerator is small (default true). */
  complementRule?: boolean;
  /** Keep inequality summary measures of strata that have hidden groups (default false). */
  keepSummaries?: boolean;
}

export function suppressResults(results: ResultsFile, options: SuppressResultsOptions = {}): ResultsFile {
  const out = structuredClone(results);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const maxRse = options.max_rse ?? 0.3;
  const tableOpts = {
    threshold,
    complementary: options.complementary ?? true,
    suppressZero: options.suppressZero ?? false,
    complementRule: options.complementRule ?? true,
  };

  const built = out.measures.map((m) => measureCells(m, out.intersections));
  const already = out.measures.map((m) => alreadyHidden(m, out.intersections));
  const linked = out.measures.map((_, i) =>
    out.measures.flatMap((__, j) => (sameDenominators(built[i]!, built[j]!) ? [j] : [])),
  );
  let maps: SuppressionMap[] = built.map(() => new Map());
  for (let round = 0; round < 20; round++) {
    const next = built.map((b, i) => {
      const forced = new Set(already[i]);
      for (const j of linked[i]!)
        for (const [id, r] of maps[j]!) if (isHidden(r) && b.keys.has(id)) forced.add(id);
      return suppressTable(b.cells, b.margins, { ...tableOpts, forced });
    });
    const stable = next.every((m, i) => hiddenCount(m) === hiddenCount(maps[i]!));
    maps = next;
    if (stable && round > 0) break;
  }

  let hidden = 0;
  let unstable = 0;
  out.measures.forEach((m, i) => {
    const map = maps[i]!;
    hidden += hiddenCount(map);
    unstable += applyToMeasure(m, map, out.intersections, maxRse, options.keepSummaries ?? false);
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
      if (isHidden(maps[i]!.get(keyId({ [parent.stratifier]: parent.group })))) parent.rate = null;
    }
    return true;
  });
  const droppedQuality = suppressQuality(out, tableOpts.threshold);

  out.stamp = { ...out.stamp, audience: 'public' };
  out.settings = { ...out.settings, suppressionThreshold: threshold };
  if (hidden > 0) {
    out.warnings.push({
      code: 'small_cells_suppressed',
      message: `${hidden} values were suppressed: counts below ${threshold}, and other values that would let them be recomputed.`,
      count: hidden,
      threshold,
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

const hiddenCount = (m: SuppressionMap): number => [...m.values()].filter(isHidden).length;

/** Cells already marked suppressed (re-suppressing a public file keeps them hidden). */
function alreadyHidden(m: MeasureResult, intersections: ResultsFile['intersections']): string[] {
  const ids: string[] = [];
  for (const s of m.strata) {
    const facet = s.facet ? { [s.facet.name]: s.facet.value } : {};
    for (const g of s.groups) if (g.suppressed) ids.push(keyId({ ...facet, [s.stratifier]: g.group }));
    for (const series of s.trend?.groups ?? []) {
      for (const p of series.points) {
        if (p.suppressed) ids.push(keyId({ ...facet, [s.stratifier]: series.group, [PERIOD]: p.period }));
      }
    }
  }
  for (const p of m.trend ?? []) if (p.suppressed) ids.push(keyId({ [PERIOD]: p.period }));
  for (const ix of intersections.filter((i) => i.measure === m.id)) {
    for (const g of ix.groups) if (g.suppressed) ids.push(keyId(g.values));
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

function applyToMeasure(
  m: MeasureResult,
  map: SuppressionMap,
  intersections: ResultsFile['intersections'],
  maxRse: number,
  keepSummaries: boolean,
): number {
  let unstable = 0;
  const reasonOf = (key: Record<string, string>): SuppressionReason | undefined => map.get(keyId(key));
  const group = (g: GroupResult, reason: SuppressionReason | undefined): void => {
    if (isHidden(reason)) return blankGroup(g, reason as SuppressionReason);
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
    m.warnings.push({ code: 'overall_suppressed', message: 'The overall counts are below the threshold.' });
  }
  for (const p of m.trend ?? []) if (isHidden(reasonOf({ [PERIOD]: p.period }))) blankPoint(p);

  for (const s of m.strata) {
    const facet: Record<string, string> = s.facet ? { [s.facet.name]: s.facet.value } : {};
    const at = (groupName: string, period?: string) =>
      reasonOf({
        ...facet,
        [s.stratifier]: groupName,
        ...(period === undefined ? {} : { [PERIOD]: period }),
      });
    for (const g of s.groups) group(g, at(g.group));
    const refHidden = s.reference !== null && isHidden(at(s.reference));
    if (refHidden) {
      for (const g of s.groups) if (!g.suppressed) blankComparison(g);
      s.warnings.push({
        code: 'reference_suppressed',
        message: `The reference group is suppressed, so differences and ratios against it are not shown.`,
      });
    }
    if (!keepSummaries && s.groups.some((g) => g.suppressed)) {
      for (const sm of s.summary) {
        sm.estimate = null;
        sm.se = null;
        sm.lower = null;
        sm.upper = null;
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
      }
      const gap = s.trend.gap;
      if (gap) {
        for (const p of gap.points) {
          if (
            isHidden(at(gap.group, p.period)) ||
            (s.reference !== null && isHidden(at(s.reference, p.period)))
          ) {
            p.difference = null;
          }
        }
      }
    }
  }

  for (const ix of intersections.filter((i) => i.measure === m.id)) {
    for (const g of ix.groups) {
      group(g, reasonOf(g.values));
      for (const parent of g.parents) {
        if (isHidden(reasonOf({ [parent.stratifier]: parent.group }))) parent.rate = null;
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
