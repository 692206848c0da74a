/**
 * The writing side of staging: extracted rows → CSV files, one series per staged table, in a folder made by
 * the loader. A file is handed on (`onFile`) once it reaches 32 MiB, and every open file at `finish`. Runs on
 * the main thread or in a reader worker (it needs no engine).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell, StagedFile, StagedTable } from './stage.js';

// Small buffers die young (a large one survives scavenges and costs old-generation GC).
const FLUSH_BYTES = 1 << 14;

/** A staged file is handed on when it reaches this size, while reading goes on. */
const ROTATE_BYTES = 32 << 20;

/**
 * A CSV field as DuckDB's `read_csv` (quote and escape `"`, nullstr '', quoted nulls off) reads it back:
 * empty = NULL, `""` = the empty string; a text is quoted only when it holds a quote, comma or newline
 * (newlines become spaces).
 */
const SPECIAL = /[",\r\n]/;
const cell = (v: Cell): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === '') return '""';
  return SPECIAL.test(v) ? `"${v.replace(/"/g, '""').replace(/[\r\n]+/g, ' ')}"` : v;
};

interface Series {
  /** Open file descriptor, or -1 between files. */
  fd: number;
  text: string;
  /** Rows written to the table (every file). */
  rows: number;
  /** Bytes in the current file. */
  bytes: number;
  part: number;
}

export class StageWriter {
  /** Markers extractors set (e.g. `questionnaire-answers`), read by the finalisation. */
  readonly flags = new Set<string>();
  private readonly series = new Map<StagedTable, Series>();

  /**
   * @param dir folder of the staged files
   * @param onFile receives each complete file, in the order the table's files were written
   * @param prefix file-name prefix, unique per writer sharing `dir`
   */
  constructor(
    private readonly dir: string,
    private readonly onFile: (file: StagedFile) => void,
    private readonly prefix = '',
  ) {}

  /** Rows staged per table. */
  counts(): Partial<Record<StagedTable, number>> {
    return Object.fromEntries([...this.series].map(([t, s]) => [t, s.rows]));
  }

  private path(table: StagedTable, part: number): string {
    return join(this.dir, `${this.prefix}${table}.${part}.csv`);
  }

  write(table: StagedTable, values: readonly Cell[]): void {
    let line = cell(values[0]);
    for (let i = 1; i < values.length; i++) line += ',' + cell(values[i]);
    let s = this.series.get(table);
    if (!s) this.series.set(table, (s = { fd: -1, text: '', rows: 0, bytes: 0, part: 0 }));
    s.text += line + '\n';
    s.rows++;
    if (s.text.length > FLUSH_BYTES) {
      this.flush(table, s);
      if (s.bytes > ROTATE_BYTES) this.rotate(table, s);
    }
  }

  private flush(table: StagedTable, s: Series): void {
    if (!s.text) return;
    if (s.fd < 0) s.fd = openSync(this.path(table, s.part), 'w');
    s.bytes += s.text.length;
    writeSync(s.fd, s.text);
    s.text = '';
  }

  /** Close the current file and hand it on; the next write opens the next part. */
  private rotate(table: StagedTable, s: Series): void {
    this.flush(table, s);
    if (s.fd < 0) return;
    closeSync(s.fd);
    s.fd = -1;
    this.onFile({ table, file: this.path(table, s.part), bytes: s.bytes });
    s.part++;
    s.bytes = 0;
  }

  /** Hand on every file still open (each table's last). */
  finish(): void {
    for (const [table, s] of this.series) this.rotate(table, s);
  }

  /** Close open files without handing them on (after a failure; the loader removes the folder). */
  abort(): void {
    for (const s of this.series.values()) if (s.fd >= 0) closeSync(s.fd);
    this.series.clear();
  }
}
