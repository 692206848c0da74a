/**
 * Property: whatever mix of good rows, short rows, long rows, bad dates and empty ids a file has, every
 * line is accounted for: read = number of data lines = loaded + rejected, and rejected = bad lines. A file
 * with no good line is refused (nothing stored).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { project } from '../__fixtures__/project.js';
import { ingest } from '../index.js';

type Kind = 'good' | 'short' | 'long' | 'date' | 'id';
const line = (kind: Kind, i: number): string => {
  const row = [`p${i % 5}`, `e${i}`, '2024-01-01', 'B', 'N', 'F', 'MCR', 'NO', '1'];
  if (kind === 'short') return row.slice(0, 4).join(',');
  if (kind === 'long') return [...row, 'x'].join(',');
  if (kind === 'date') row[2] = '2024-02-30';
  if (kind === 'id') row[0] = i % 2 ? '' : '  '; // empty, or blanks only
  return row.join(',');
};

describe('reconciliation property', () => {
  it('read = loaded + rejected, exactly, for any mix of bad lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<Kind>('good', 'good', 'short', 'long', 'date', 'id'), { maxLength: 25 }),
        async (kinds) => {
          const p = project({ rows: kinds.map(line) });
          if (!kinds.includes('good')) {
            // Nothing would load: refused, not a silent empty version (issue #10 item 6).
            await expect(ingest({ configPath: p.config, workspace: p.workspace })).rejects.toThrow(
              kinds.length
                ? /^Every row was rejected \(\d+ read, \d+ rejected\)/
                : /^The input has no data rows/,
            );
            return;
          }
          const r = await ingest({ configPath: p.config, workspace: p.workspace });
          const rec = r.reconciliation;
          const bad = kinds.filter((k) => k !== 'good').length;
          expect(rec.read).toBe(kinds.length);
          expect(rec.loaded + rec.rejected).toBe(rec.read);
          expect(rec.rejected).toBe(bad);
          // Each rejection points at the line (header = line 1) of a bad row.
          const badLines = kinds.flatMap((k, i) => (k === 'good' ? [] : [i + 2]));
          expect(rec.rejections.map((x) => x.line)).toEqual(badLines);
        },
      ),
      { numRuns: 12 },
    );
  });
});
