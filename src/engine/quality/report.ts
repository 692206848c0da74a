/**
 * The data-quality report (`equilens quality`): completeness of each REAL / SOGI / SDOH field, counted
 * over people, overall, by source and by period, checked against completeness targets, with a ranked
 * plain-language summary. Two aggregate queries (sql.ts); only counts leave the engine.
 */
import type { ResultsFile } from '../../model/index.js';
import type { Engine, Row } from '../dialect.js';
import type { DatasetVersion } from '../workspace.js';
import { presentFields, tableColumns } from './fields.js';
import { patientCounts, periodCounts, type PeriodUnit } from './sql.js';
import { summarize } from './summary.js';
import {
  checkThresholds,
  DEFAULT_THRESHOLDS,
  type ThresholdResult,
  type ThresholdRule,
} from './thresholds.js';
import type { FieldCounts, PeriodCounts, QualityDataset, SourceCounts } from './types.js';

export interface QualityReport {
  dataset: QualityDataset;
  fields: FieldCounts[];
  bySource: SourceCounts[];
  byPeriod: PeriodCounts[];
  thresholds: ThresholdResult[];
  summary: string[];
}

export interface QualityOptions {
  /** Period buckets for byPeriod (default 'quarter'; 'none' skips it). */
  period?: PeriodUnit | 'none';
  thresholds?: readonly ThresholdRule[];
}

const pct = (x: number, total: number): number => (total > 0 ? Math.round((1000 * x) / total) / 10 : 0);
const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0));

/** Turn one aggregate row into per-field counts. */
function fieldsOf(row: Row, fields: readonly string[]): FieldCounts[] {
  const total = num(row.total);
  return fields.map((field, i) => {
    const known = num(row[`k${i}`]);
    const unknown = num(row[`u${i}`]);
    const declined = num(row[`d${i}`]);
    const missing = num(row[`m${i}`]);
    const conflicting = num(row[`x${i}`]);
    return {
      field,
      known,
      unknown,
      declined,
      missing,
      conflicting,
      total,
      knownPct: pct(known, total),
      unknownPct: pct(unknown, total),
      declinedPct: pct(declined, total),
      missingPct: pct(missing, total),
      conflictingPct: pct(conflicting, total),
    };
  });
}

/**
 * @example
 *   const ws = await openWorkspace(dir);
 *   const report = await qualityReport(ws.engine, await getDataset(ws.engine));
 */
export async function qualityReport(
  engine: Engine,
  dataset: DatasetVersion,
  options: QualityOptions = {},
): Promise<QualityReport> {
  const schema = dataset.schema;
  const patientCols = await tableColumns(engine, schema, 'patients');
  const fields = presentFields(patientCols);
  const hasConflicts = patientCols.has('conflicts');
  const rows = await patientCounts(engine, schema, fields, hasConflicts, patientCols.has('source'));
  const overall = rows.find((r) => num(r.g) === 1);
  const fieldCounts = overall ? fieldsOf(overall, fields) : fieldsOf({ total: 0 }, fields);
  const bySource = rows
    .filter((r) => num(r.g) === 0)
    .map((r) => ({
      source: r.source === null || r.source === undefined ? '(none)' : String(r.source),
      row: r,
    }))
    .sort((a, b) => a.source.localeCompare(b.source))
    .flatMap(({ source, row }) => fieldsOf(row, fields).map((f) => ({ source, ...f })));

  const unit = options.period ?? 'quarter';
  let byPeriod: PeriodCounts[] = [];
  if (unit !== 'none') {
    const unitCols = await tableColumns(engine, schema, 'measure_rows');
    if (unitCols.has('event_date') || unitCols.has('period')) {
      const periodRows = unitCols.has('event_date')
        ? await periodCounts(engine, schema, fields, hasConflicts, unit, unitCols.has('period'))
        : [];
      byPeriod = periodRows.flatMap((r) =>
        fieldsOf(r, fields).map((f) => ({ period: String(r.period), ...f })),
      );
    }
  }

  const thresholds = checkThresholds(options.thresholds ?? DEFAULT_THRESHOLDS, fieldCounts);
  return {
    dataset: {
      version: dataset.version,
      id: dataset.id,
      patients: dataset.patients,
      measureRows: dataset.measureRows,
      createdAt: dataset.createdAt,
      period: unit,
    },
    fields: fieldCounts,
    bySource,
    byPeriod,
    thresholds,
    summary: summarize(fieldCounts, thresholds, bySource),
  };
}

/** The `quality` block of results.json (REAL completeness carried into the report) from a quality report. */
export function qualityForResults(report: QualityReport): NonNullable<ResultsFile['quality']> {
  return report.fields.map(({ field, known, unknown, declined, missing, total }) => ({
    field,
    known,
    unknown,
    declined,
    missing,
    total,
  }));
}
