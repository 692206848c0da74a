/**
 * Turn one measure of a results.json into linked cells and margins for {@link suppressTable}.
 *
 * Every printed count pair gets a key: the attribute values it is about, e.g. `{}` (overall),
 * `{race_ethnicity: 'Asian'}` (a group), `{race_ethnicity: 'Asian', sex: 'Female'}` (an intersection),
 * `{site: 'North', race_ethnicity: 'Asian'}` (a group within a facet), `{'@period': '2024Q1'}` (a trend
 * point), `{race_ethnicity: 'Asian', '@period': '2024Q1'}` (a group's trend point). The margins follow
 * from the keys: for each cell and each attribute in its key, the cells that differ only in that attribute
 * sum to the cell without it (groups → overall, periods → all periods, intersections → each parent,
 * facet groups → the facet total). Parents nobody printed (a facet total, a three-way intersection's
 * two-way parent) are unpublished cells: unknown to an attacker, never chosen as complements.
 */
import { isStatus } from '../model/index.js';
import type { GroupResult, MeasureResult, ResultsFile } from '../model/index.js';
import type { Cell, Margin } from './table.js';

export const PERIOD = '@period';

export type Key = Readonly<Record<string, string>>;

/** A stable id for a key: attributes sorted by name. */
export const keyId = (key: Key): string =>
  JSON.stringify(
    Object.keys(key)
      .sort()
      .map((k) => [k, key[k]]),
  );

export interface CountRef {
  numerator: number | null;
  denominator: number | null;
}

export interface MeasureCells {
  cells: Cell[];
  margins: Margin[];
  /** key id → key, for every cell (published or not). */
  keys: Map<string, Key>;
}

/** Collect the cells of one measure (and its intersections from the results file). */
export function measureCells(
  measure: MeasureResult,
  intersections: ResultsFile['intersections'],
): MeasureCells {
  const values = new Map<string, CountRef>();
  const keys = new Map<string, Key>();
  const put = (key: Key, ref: CountRef): void => {
    const id = keyId(key);
    keys.set(id, key);
    if (!values.has(id)) values.set(id, { numerator: ref.numerator, denominator: ref.denominator });
  };

  put({}, measure.overall);
  for (const p of measure.trend ?? []) put({ [PERIOD]: p.period }, p);
  for (const s of measure.strata) {
    const facet: Record<string, string> = s.facet ? { [s.facet.name]: s.facet.value } : {};
    for (const g of s.groups) put({ ...facet, [s.stratifier]: g.group }, g);
    for (const series of s.trend?.groups ?? []) {
      for (const p of series.points) put({ ...facet, [s.stratifier]: series.group, [PERIOD]: p.period }, p);
    }
  }
  for (const ix of intersections.filter((i) => i.measure === measure.id)) {
    for (const g of ix.groups) put(g.values, g as GroupResult);
  }

  // Margins: for each cell and each attribute of its key, siblings over that attribute → parent.
  // Parents nobody printed join the worklist, so their own margins exist too.
  const families = new Map<string, { parent: Key; parts: string[] }>();
  const work = [...keys];
  for (let i = 0; i < work.length; i++) {
    const [id, key] = work[i] as [string, Key];
    for (const attr of Object.keys(key)) {
      const parent: Record<string, string> = { ...key };
      delete parent[attr];
      const parentId = keyId(parent);
      if (!keys.has(parentId)) {
        keys.set(parentId, parent);
        work.push([parentId, parent]);
      }
      const famId = `${attr}|${parentId}`;
      const fam = families.get(famId) ?? { parent, parts: [] };
      fam.parts.push(id);
      families.set(famId, fam);
    }
  }
  const margins: Margin[] = [...families.values()].map((f) => ({ total: keyId(f.parent), parts: f.parts }));
  const inferred = inferTotals(margins, values);
  const coarse = coarseRates(measure);
  const cells: Cell[] = [...keys].map(([id, key]) => {
    const v = values.get(id);
    if (v) {
      const cell: Cell = { id, numerator: v.numerator, denominator: v.denominator, cost: costOf(key, v) };
      if (measure.kind !== 'rate' && isRealGroup(key)) cell.step = COARSE_STEP;
      const published = coarse.get(id);
      if (published) cell.coarse = published;
      return cell;
    }
    const t = inferred.get(id);
    return { id, numerator: t?.numerator ?? null, denominator: t?.denominator ?? null, published: false };
  });
  return { cells, margins, keys };
}

/**
 * The step a coarsened group's rate is rounded to (issue #12 item 2): 0.001, a tenth of a percentage point.
 * Only proportions are coarsened (a count-based rate has no n ≤ d to bound it).
 */
export const COARSE_STEP = 0.001;

/**
 * A group of one stratifier, not a status group, not within a facet: the cells that may be published
 * coarsened instead of hidden when they are many times larger than the small cell they protect.
 */
function isRealGroup(key: Key): boolean {
  const attrs = Object.keys(key);
  return attrs.length === 1 && attrs[0] !== PERIOD && !isStatus(key[attrs[0] as string] as string);
}

/** Groups of a public file already published coarsened (a public file audited again): their rounded rates. */
function coarseRates(measure: MeasureResult): Map<string, { rate: number; step: number }> {
  const out = new Map<string, { rate: number; step: number }>();
  for (const s of measure.strata) {
    if (s.facet) continue;
    for (const g of s.groups) {
      if (g.roundedTo !== undefined && g.rate !== null)
        out.set(keyId({ [s.stratifier]: g.group }), { rate: g.rate, step: g.roundedTo });
    }
  }
  return out;
}

/** How much cheaper a Declined/Unknown/Missing group is to hide than a real group of the same size. */
export const STATUS_DISCOUNT = 10;
/** The measure's overall rate is its headline: hidden only when nothing ten times cheaper protects. */
export const OVERALL_PREMIUM = 10;

/**
 * The information a complement costs (issue #12 item 2): the units it hides, a tenth of that for a cell of
 * a Declined/Unknown/Missing group (it describes no population the report compares), ten times that for
 * the measure's overall.
 */
function costOf(key: Key, v: CountRef): number {
  const d = v.denominator ?? 0;
  if (!Object.keys(key).length) return d * OVERALL_PREMIUM;
  const status = Object.entries(key).some(([attr, value]) => attr !== PERIOD && isStatus(value));
  return status ? d / STATUS_DISCOUNT : d;
}

/**
 * Values of the cells nobody printed (a facet total), as the sum of a family of parts whose counts are all
 * known: suppression must not let a small one be recomputed either, even though it is never shown.
 */
function inferTotals(
  margins: readonly Margin[],
  printed: ReadonlyMap<string, CountRef>,
): Map<string, CountRef> {
  const out = new Map<string, CountRef>();
  const get = (id: string): CountRef | undefined => printed.get(id) ?? out.get(id);
  for (let changed = true; changed;) {
    changed = false;
    for (const m of margins) {
      if (printed.has(m.total) || out.has(m.total)) continue;
      const parts = m.parts.map(get);
      if (parts.some((p) => !p || p.denominator === null || p.numerator === null)) continue;
      const sum = (k: 'numerator' | 'denominator') =>
        parts.reduce((a, p) => a + ((p as CountRef)[k] as number), 0);
      out.set(m.total, { numerator: sum('numerator'), denominator: sum('denominator') });
      changed = true;
    }
  }
  return out;
}
