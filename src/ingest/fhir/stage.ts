/**
 * Staging: extracted rows are appended to CSV files per staged table in a temporary folder (memory stays
 * flat however big the export); DuckDB bulk-reads each file with `read_csv` into a temp table.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../engine/dialect.js';
import { quoteLiteral } from '../../engine/dialect.js';

export type Cell = string | number | boolean | null | undefined;

/** Staged tables: name → column list (`name TYPE`). */
export const STAGED = {
  pat: [
    'patient_id VARCHAR',
    'birth_date DATE',
    'race_codes VARCHAR',
    'ethnicity_codes VARCHAR',
    'race VARCHAR',
    'ethnicity VARCHAR',
    'race_ethnicity VARCHAR',
    'race_source VARCHAR',
    'ethnicity_source VARCHAR',
    'sex VARCHAR',
    'sex_source VARCHAR',
    'gender_identity VARCHAR',
    'gender_identity_source VARCHAR',
    'language VARCHAR',
    'limited_english VARCHAR',
    'language_source VARCHAR',
    'interpreter_needed BOOLEAN',
    'zip VARCHAR',
    'county VARCHAR',
    'tribal_affiliation VARCHAR',
    '_file INTEGER',
    '_line BIGINT',
  ],
  /** Patient-level attributes from other resources (Observations, Coverage). */
  attr: [
    'patient_id VARCHAR',
    'attribute VARCHAR',
    'date DATE',
    'label VARCHAR',
    'source_value VARCHAR',
    '_line BIGINT',
  ],
  /** Every resource that references a patient: accounting for "reference to a missing patient". */
  res: ['patient_id VARCHAR', 'resource_type VARCHAR', 'field VARCHAR', '_file INTEGER', '_line BIGINT'],
  /** Rejected resources (file, line, JSON path, value, reason). */
  rej: ['_file INTEGER', '_line BIGINT', 'column_name VARCHAR', 'value VARCHAR', 'reason VARCHAR'],
  /** Panel → member links (Observation.hasMember). */
  links: ['panel_code VARCHAR', 'member_id VARCHAR'],
  encounters: [
    'patient_id VARCHAR',
    'encounter_id VARCHAR',
    'class VARCHAR',
    'code VARCHAR',
    'system VARCHAR',
    'start_date DATE',
    'end_date DATE',
    'discharge_disposition VARCHAR',
    '_file INTEGER',
  ],
  conditions: [
    'patient_id VARCHAR',
    'condition_id VARCHAR',
    'code VARCHAR',
    'system VARCHAR',
    'onset_date DATE',
    'abatement_date DATE',
    'category VARCHAR',
    'encounter_id VARCHAR',
    '_file INTEGER',
  ],
  observations: [
    'patient_id VARCHAR',
    'observation_id VARCHAR',
    'code VARCHAR',
    'system VARCHAR',
    'panel_code VARCHAR',
    'effective_date DATE',
    'value_num DOUBLE',
    'unit VARCHAR',
    'value_code VARCHAR',
    'value_system VARCHAR',
    'value_text VARCHAR',
    'encounter_id VARCHAR',
    '_file INTEGER',
  ],
  procedures: [
    'patient_id VARCHAR',
    'procedure_id VARCHAR',
    'code VARCHAR',
    'system VARCHAR',
    'performed_date DATE',
    'encounter_id VARCHAR',
    '_file INTEGER',
  ],
  medications: [
    'patient_id VARCHAR',
    'medication_id VARCHAR',
    'code VARCHAR',
    'system VARCHAR',
    'start_date DATE',
    'status VARCHAR',
    '_file INTEGER',
  ],
  immunizations: [
    'patient_id VARCHAR',
    'immunization_id VARCHAR',
    'code VARCHAR',
    'system VARCHAR',
    'date DATE',
    'status VARCHAR',
    '_file INTEGER',
  ],
  sdoh: [
    'patient_id VARCHAR',
    'screen_date DATE',
    'instrument VARCHAR',
    'domain VARCHAR',
    'question_code VARCHAR',
    'answer_code VARCHAR',
    'answer_text VARCHAR',
    'screened BOOLEAN',
    'positive BOOLEAN',
    'declined BOOLEAN',
    'gravity_category VARCHAR',
    'resource_id VARCHAR',
    '_file INTEGER',
  ],
} as const;
export type StagedTable = keyof typeof STAGED;

// Small buffers die young (a large one survives scavenges and costs old-generation GC).
const FLUSH_BYTES = 1 << 14;

const NEEDS_ESCAPE = /["\r\n]/;
const cell = (v: Cell): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return NEEDS_ESCAPE.test(v) ? `"${v.replace(/"/g, '""').replace(/[\r\n]+/g, ' ')}"` : `"${v}"`;
};

/** A staged file is handed to DuckDB when it reaches this size, while reading goes on. */
const ROTATE_BYTES = 32 << 20;

/** Per staged table: the statement that loads one staged file, given its `SELECT … FROM read_csv(…)`. */
export type Sinks = Partial<Record<StagedTable, (select: string) => string>>;

interface Buffer_ {
  fd: number;
  text: string;
  rows: number;
  bytes: number;
  part: number;
}

const readCsv = (file: string, table: StagedTable): string => {
  const spec = STAGED[table]
    .map((c) => c.split(' '))
    .map(([n, t]) => `'${n}': '${t}'`)
    .join(', ');
  return `SELECT * FROM read_csv(${quoteLiteral(file)}, columns = {${spec}}, header = false, auto_detect = false,
    quote = '"', escape = '"', nullstr = '', allow_quoted_nulls = false)`;
};

/**
 * Rows are appended to CSV files; each file, once 32 MiB (or at the end), is bulk-read by DuckDB into the
 * temp table `fhir_<table>` in the background — DuckDB's work overlaps the reading of the next resources,
 * and JavaScript never holds more than the current small buffer.
 */
export class Stager {
  readonly dir = mkdtempSync(join(tmpdir(), 'equilens-fhir-'));
  private readonly buffers = new Map<StagedTable, Buffer_>();
  /** Markers extractors set (e.g. `questionnaire-answers`), read by the finalisation. */
  readonly flags = new Set<string>();
  private pending: Promise<void> = Promise.resolve();
  private engine: Engine | undefined;
  private sinks: Sinks = {};

  /**
   * Create the temp tables; files are loaded on `engine` as they fill: into `fhir_<table>`, or by the
   * table's sink (an INSERT built around the `read_csv` SELECT, e.g. straight into the dataset schema).
   */
  async begin(engine: Engine, sinks: Sinks = {}): Promise<void> {
    this.engine = engine;
    this.sinks = sinks;
    for (const table of Object.keys(STAGED) as StagedTable[])
      await engine.run(`CREATE OR REPLACE TEMP TABLE fhir_${table} (${STAGED[table].join(', ')})`);
  }

  /** Rows staged so far in a table. */
  count(table: StagedTable): number {
    return this.buffers.get(table)?.rows ?? 0;
  }

  private open(table: StagedTable, part: number): number {
    return openSync(join(this.dir, `${table}.${part}.csv`), 'w');
  }

  write(table: StagedTable, values: readonly Cell[]): void {
    let line = cell(values[0]);
    for (let i = 1; i < values.length; i++) line += ',' + cell(values[i]);
    let b = this.buffers.get(table);
    if (!b) this.buffers.set(table, (b = { fd: this.open(table, 0), text: '', rows: 0, bytes: 0, part: 0 }));
    b.text += line + '\n';
    b.rows++;
    if (b.text.length > FLUSH_BYTES) {
      b.bytes += b.text.length;
      this.flush(b);
      if (b.bytes > ROTATE_BYTES) this.rotate(table, b, true);
    }
  }

  private flush(b: Buffer_): void {
    if (!b.text) return;
    writeSync(b.fd, b.text);
    b.text = '';
  }

  /** Close the current file, queue its load into DuckDB, and (when `next`) open the next one. */
  private rotate(table: StagedTable, b: Buffer_, next: boolean): void {
    this.flush(b);
    closeSync(b.fd);
    const file = join(this.dir, `${table}.${b.part}.csv`);
    const engine = this.engine;
    if (!engine) throw new Error('Stager.begin(engine) must be called before writing.');
    this.pending = this.pending.then(async () => {
      const select = readCsv(file, table);
      const sink = this.sinks[table];
      await engine.run(sink ? sink(select) : `INSERT INTO fhir_${table} ${select}`);
      rmSync(file, { force: true });
    });
    this.pending.catch(() => undefined); // surfaced by load()
    b.part++;
    b.bytes = 0;
    b.fd = next ? this.open(table, b.part) : -1;
  }

  /** Hand the last files to DuckDB and wait until every staged row is in its temp table. */
  async load(): Promise<void> {
    for (const [table, b] of this.buffers) if (b.fd >= 0) this.rotate(table, b, false);
    await this.pending;
  }

  /** Wait for queued loads, ignoring their errors (before cleaning up after a failure). */
  async settle(): Promise<void> {
    await this.pending.catch(() => undefined);
  }

  async dropTemps(engine: Engine): Promise<void> {
    for (const table of Object.keys(STAGED)) await engine.run(`DROP TABLE IF EXISTS fhir_${table}`);
  }

  close(): void {
    for (const b of this.buffers.values()) if (b.fd >= 0) closeSync(b.fd);
    this.buffers.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
