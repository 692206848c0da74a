/**
 * Adversarial check of the shareable output of a real run: an attacker who reads results.public.json (every
 * shown count of every measure, stratum, facet, intersection and period) and knows every additive relation
 * tries to recompute each hidden small count by subtraction and by solving all relations at once
 * (src/engine/suppression/__fixtures__/attacker.ts). Denominators shown for one measure are used against
 * every other measure. No count below the threshold may come back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile } from '../../model/results.js';
import { asRelations, linearAttack, subtractionAttack } from '../../suppression/__fixtures__/attacker.js';
import { measureCells, primaryReason, suppressResults } from '../../suppression/index.js';
import { isHidden } from '../../suppression/table.js';
import type { Workspace } from '../workspace.js';
import { analyzeDataset } from './analyze.js';
import { gridDataset, tempWorkspace, testConfig } from './__fixtures__/canonical.js';

let ws: Workspace;
let internal: ResultsFile;
let shared: ResultsFile;
const THRESHOLD = 11;

beforeAll(async () => {
  ({ ws } = await tempWorkspace());
  const ds = await gridDataset(ws, 260);
  const config = testConfig({
    stratifiers: ['race_ethnicity', 'sex', 'payer'],
    intersections: [
      ['race_ethnicity', 'sex'],
      ['race_ethnicity', 'sex', 'payer'],
    ],
    facets: ['site'],
  });
  internal = await analyzeDataset(ws.engine, ds, config, 'attack');
  shared = suppressResults(internal, { threshold: THRESHOLD });
});
afterAll(async () => ws.close());

describe('shareable analysis output', () => {
  it('hides something and shows no small count', () => {
    const all = shared.measures.flatMap((m) => measureCells(m, shared.intersections).cells);
    expect(all.some((c) => c.published !== false && c.numerator === null)).toBe(true);
    for (const c of all) {
      if (c.published === false || c.denominator === null || c.numerator === null) continue;
      expect(
        isHidden(primaryReason(c.numerator, c.denominator, { threshold: THRESHOLD }) ?? undefined),
        c.id,
      ).toBe(false);
    }
  });

  it('no hidden small count can be recomputed from anything shown (totals, strata, facets, intersections, periods)', () => {
    const shownDenominators = new Map<string, number>();
    for (const m of shared.measures)
      for (const c of measureCells(m, shared.intersections).cells)
        if (c.published !== false && c.denominator !== null) shownDenominators.set(c.id, c.denominator);
    const recovered: string[] = [];
    internal.measures.forEach((m, i) => {
      const truth = measureCells(m, internal.intersections);
      const pub = measureCells(shared.measures[i]!, shared.intersections);
      const relations = asRelations(truth.margins);
      for (const k of ['numerator', 'denominator'] as const) {
        const values = new Map(truth.cells.map((c) => [c.id, (c[k] ?? 0) as number]));
        const visible = new Map(
          pub.cells.filter((c) => c.published !== false && c[k] !== null).map((c) => [c.id, c[k] as number]),
        );
        if (k === 'denominator')
          for (const [id, d] of shownDenominators) if (values.has(id)) visible.set(id, d);
        for (const solver of [subtractionAttack, linearAttack]) {
          for (const [id] of solver(relations, values, visible)) {
            const cell = truth.cells.find((c) => c.id === id)!;
            if (cell.numerator === null || cell.denominator === null) continue;
            if (
              isHidden(primaryReason(cell.numerator, cell.denominator, { threshold: THRESHOLD }) ?? undefined)
            )
              recovered.push(`${m.id} ${id} ${k}`);
          }
        }
      }
    });
    expect(recovered).toEqual([]);
  });
});
