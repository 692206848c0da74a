/**
 * Successive releases (issue #10 item 4): the difference of two public editions is itself a table of cells
 * (each cell shown in both: new − old numerator and denominator, linked by the same margins) and must pass
 * the same rules. A small difference says who was added; the cells of the difference table that
 * suppression would hide are hidden in the new edition too, and suppression is run again until no earlier
 * edition gives anything away.
 */
import type { ResultsFile } from '../model/index.js';
import { measureCells } from './cells.js';
import { suppressResults, type SuppressResultsOptions } from './results.js';
import { isHidden, suppressTable, type Cell } from './table.js';

/** Cells of `next` (by measure) whose difference from `earlier` would give a small change away. */
function givenAway(
  next: ResultsFile,
  earlier: ResultsFile,
  options: SuppressResultsOptions,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of next.measures) {
    const old = earlier.measures.find((x) => x.id === m.id);
    if (!old) continue;
    const built = measureCells(m, next.intersections);
    const before = new Map(measureCells(old, earlier.intersections).cells.map((c) => [c.id, c]));
    const diff: Cell[] = built.cells.map((c) => {
      const o = before.get(c.id);
      const both =
        c.published !== false && o?.published !== false && o?.denominator != null && c.denominator !== null;
      if (!both) return { id: c.id, numerator: null, denominator: null, published: false };
      const n = c.numerator !== null && o.numerator !== null ? Math.abs(c.numerator - o.numerator) : null;
      return { id: c.id, numerator: n, denominator: Math.abs(c.denominator! - o.denominator!) };
    });
    const hidden = suppressTable(diff, built.margins, {
      threshold: options.threshold ?? 11,
      complementRule: false,
    });
    const ids = new Set(
      [...hidden]
        .filter(([id, r]) => isHidden(r) && diff.find((c) => c.id === id)?.published !== false)
        .map(([id]) => id),
    );
    if (ids.size) out.set(m.id, ids);
  }
  return out;
}

/** Suppress `results` for the public, audited against every earlier public edition. */
export function suppressAgainst(
  results: ResultsFile,
  earlier: readonly ResultsFile[],
  options: SuppressResultsOptions = {},
): ResultsFile {
  const hide = new Map<string, Set<string>>();
  let out = suppressResults(results, options);
  for (let round = 0; round < 10; round++) {
    let grew = false;
    for (const e of earlier) {
      for (const [m, ids] of givenAway(out, e, options)) {
        const set = hide.get(m) ?? new Set<string>();
        for (const id of ids) if (!set.has(id)) [grew] = [true, set.add(id)];
        hide.set(m, set);
      }
    }
    if (!grew) return out;
    out = suppressResults(results, { ...options, hide });
  }
  return out;
}
