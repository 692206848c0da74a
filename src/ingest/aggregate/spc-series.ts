/**
 * The series file of `equilens spc` (and any front end): a CSV with `period` and either `numerator` +
 * `denominator` (proportions: p / Laney p′ chart) or `value` (XmR / run chart), optionally `phase`
 * ("baseline", "PDSA 1", …), rows in time order. When a file has both, counts are used for `auto`, `p` and
 * `pprime`, values for `xmr` and `run`. Every cell is checked; errors name the file, line, column and fix.
 */
import { invalidInput } from '../../errors.js';
import type { SpcPoint } from '../../stats/index.js';
import { optionalNumber, requireColumns, type Table } from './read-table.js';

/** The chart asked for: a chart type, or `auto` (p / Laney p′ for counts, XmR for values). */
export type ChartOption = 'auto' | 'run' | 'p' | 'pprime' | 'xmr';
export const CHART_OPTIONS: readonly ChartOption[] = ['auto', 'run', 'p', 'pprime', 'xmr'];

/** Read the series, checking every cell; errors name the file, line, column and the fix. */
export function readSeries(table: Table, chart: ChartOption): SpcPoint[] {
  const file = table.file;
  requireColumns(table, ['period']);
  const has = (c: string) => table.columns.includes(c);
  const hasCounts = has('numerator') || has('denominator');
  const useCounts = hasCounts && (chart === 'auto' || chart === 'p' || chart === 'pprime' || !has('value'));
  if (useCounts) requireColumns(table, ['numerator', 'denominator']);
  else if (!has('value')) {
    throw invalidInput(`The file has no column "value" (or "numerator" and "denominator").`, {
      file,
      line: 1,
      column: 'value',
      fix: `Add a "value" column for measurements, or "numerator" and "denominator" columns for proportions (found: ${table.columns.join(', ')}).`,
    });
  }
  const seen = new Map<string, number>();
  return table.rows.map((row) => {
    const period = row.values['period'] ?? '';
    const at = { file, line: row.line, column: 'period' };
    if (period === '')
      throw invalidInput(`The period is empty.`, { ...at, fix: 'Name every period, e.g. 2024-01.' });
    const first = seen.get(period);
    if (first !== undefined) {
      throw invalidInput(`Period "${period}" repeats line ${first}.`, {
        ...at,
        fix: 'Give one row per period (add the counts of repeated rows together).',
      });
    }
    seen.set(period, row.line);
    const phase = has('phase') && row.values['phase'] !== '' ? (row.values['phase'] ?? null) : null;
    if (!useCounts) return { period, value: optionalNumber(row, 'value', file), phase };
    const numerator = optionalNumber(row, 'numerator', file, { min: 0 });
    const denominator = optionalNumber(row, 'denominator', file, { min: 0 });
    if (numerator !== null && denominator !== null && numerator > denominator) {
      throw invalidInput(`The numerator is larger than the denominator.`, {
        file,
        line: row.line,
        column: 'numerator',
        fix: 'A proportion needs numerator ≤ denominator; correct the row (or use a "value" column for rates).',
      });
    }
    return { period, numerator, denominator, phase };
  });
}
