/**
 * Property: the person-level conflict rule (issue #2: the most frequent known value, ties going to the row
 * that comes last in the source) gives, for any mix of rows, what a direct count over the rows gives —
 * whatever the other attributes do (they split a person's rows into several source-value groups).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../engine/workspace.js';
import { project } from '../__fixtures__/project.js';
import { ingest } from '../index.js';

const SEX: Record<string, string> = { F: 'Female', M: 'Male' };
const RACE: Record<string, string> = { B: 'Black or African American', W: 'White' };

/** The rule worked directly over the rows: null when no row has a known value. */
function expected(values: string[], labels: Record<string, string>): string | null {
  const n = new Map<string, { n: number; last: number }>();
  values.forEach((v, i) => {
    if (!(v in labels)) return;
    const e = n.get(v) ?? { n: 0, last: -1 };
    n.set(v, { n: e.n + 1, last: i });
  });
  const best = [...n.entries()].sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last)[0];
  return best ? labels[best[0]]! : null;
}

const row = fc.record({
  pid: fc.constantFrom('p0', 'p1', 'p2'),
  sex: fc.constantFrom('F', 'M', 'U', ''),
  race: fc.constantFrom('B', 'W', '?', ''),
  payer: fc.constantFrom('MCR', 'COM', ''),
  badDate: fc.boolean(),
});

describe('conflict rule property', () => {
  it('most frequent known value, ties to the last row, over any rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 14 }), async (rows) => {
        const lines = rows.map(
          (r, i) =>
            `${r.pid},e${i},${r.badDate && i % 3 === 1 ? '2024-02-30' : '2024-01-01'},${r.race},N,${r.sex},${r.payer},NO,1`,
        );
        // Rows the row checks reject (bad date) take no part in the resolution. (The first row is never
        // rejected: an ingest that rejects every row is refused, see malformed.test.ts.)
        const kept = rows.filter((r, i) => !(r.badDate && i % 3 === 1));
        const p = project({ rows: lines });
        if (kept.length === 0) {
          // Every row rejected: refused, nothing stored (issue #10 item 6).
          await expect(ingest({ configPath: p.config, workspace: p.workspace })).rejects.toThrow(
            /^Every row was rejected/,
          );
          return;
        }
        await ingest({ configPath: p.config, workspace: p.workspace });
        const ws = await openWorkspace(p.workspace);
        try {
          const got = await ws.engine.all<{
            patient_id: string;
            sex: string;
            race: string;
            conflicts: string[];
          }>(`SELECT patient_id, sex, race, conflicts FROM ds_1.patients ORDER BY patient_id`);
          const people = [...new Set(kept.map((r) => r.pid))].sort();
          expect(got.map((g) => g.patient_id)).toEqual(people);
          for (const g of got) {
            const mine = kept.filter((r) => r.pid === g.patient_id);
            for (const [attr, labels] of [
              ['sex', SEX],
              ['race', RACE],
            ] as const) {
              const want = expected(
                mine.map((r) => r[attr]),
                labels,
              );
              if (want) expect(g[attr]).toBe(want);
              else expect(Object.values(labels)).not.toContain(g[attr]);
              const distinct = new Set(mine.map((r) => r[attr]).filter((v) => v in labels)).size;
              expect(g.conflicts.includes(attr)).toBe(distinct > 1);
            }
          }
        } finally {
          await ws.close();
        }
      }),
      { numRuns: 15 },
    );
  });
});
