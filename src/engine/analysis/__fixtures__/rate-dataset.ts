/**
 * Test helper: a count-based rate measure (`ed-visits`, library scale 1,000) over the hand patients: one
 * row per patient, `value` = ED visits, in the numerator when it is at least one. Also the hand `readmit`
 * rows, so a run mixes a proportion and a rate measure.
 * Visits: p1 White F 2, p2 White M 0, p3 White F 1, p4 Black F 3, p5 Black M 5, p6 Asian F 0,
 * p7 Declined M 1, p8 Missing F 0 → 12 visits among 8 patients; Female 6/5, Male 6/3.
 */
import type { EquilensConfig } from '../../../config/index.js';
import { createDatasetVersion, type DatasetVersion, type Workspace } from '../../workspace.js';
import { insertHandRows, testConfig } from './canonical.js';

export const ED_VISITS: Readonly<Record<string, number>> = {
  p1: 2,
  p2: 0,
  p3: 1,
  p4: 3,
  p5: 5,
  p6: 0,
  p7: 1,
  p8: 0,
};

export async function rateDataset(ws: Workspace): Promise<DatasetVersion> {
  return createDatasetVersion(
    ws.engine,
    { contentHash: 'eeee4444ffff5555', rows: { read: 20, loaded: 20, rejected: 0 } },
    async (schema, tx) => {
      await insertHandRows(schema, tx);
      for (const [pid, visits] of Object.entries(ED_VISITS))
        await tx.run(
          `INSERT INTO ${schema}.measure_rows (patient_id, unit_id, measure_id, event_date, in_denominator, in_numerator, excluded, value)
           VALUES ('${pid}', '${pid}', 'ed-visits', DATE '2024-12-31', true, ${visits > 0}, false, ${visits})`,
        );
    },
  );
}

/** readmit (expressions, title and direction given) and ed-visits (library: title and direction defaulted). */
export const rateConfig = (analysis: Record<string, unknown> = {}): EquilensConfig =>
  testConfig(
    { period: 'none', stratifiers: ['race_ethnicity', 'sex'], ...analysis },
    {
      measures: [
        { id: 'readmit', title: 'Readmission', direction: 'lower_is_better', numerator: 'x' },
        { id: 'ed-visits', library: 'ed-visits', period: { start: '2024-01-01', end: '2024-12-31' } },
      ],
    },
  );
