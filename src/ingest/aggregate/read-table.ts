/**
 * A small CSV reader for aggregated-data input (CLI and server) (`rates`, `standardize`, `inequality`, `spc`).
 * RFC 4180 (quoted fields, doubled quotes, CRLF or LF), a UTF-8 BOM is dropped, blank lines are skipped.
 * Errors are `invalid_input` naming the file, line and column and saying what to fix.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { invalidInput } from '../../errors.js';

export interface TableRow {
  /** 1-based line in the file where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface Table {
  /** The file as the user named it (for messages). */
  file: string;
  columns: string[];
  rows: TableRow[];
}

/** Split CSV text into records; each record carries the line it starts on. */
export function parseCsv(text: string, file: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      touched = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) {
    throw invalidInput(`This record has a quoted field that is never closed.`, {
      file,
      line: start,
      fix: 'Close the quote (") or double any quote inside a quoted field ("").',
    });
  }
  endRecord();
  return records;
}

/** Read a CSV file (path relative to `cwd`) into named columns; every row must have the header's width. */
export function readTable(path: string, cwd: string): Table {
  const full = resolve(cwd, path);
  if (!existsSync(full) || !statSync(full).isFile()) {
    throw invalidInput(`Input file ${path} does not exist.`, {
      file: path,
      fix: 'Check the path (it is relative to the current folder).',
    });
  }
  const records = parseCsv(readFileSync(full, 'utf8'), path);
  const header = records[0];
  if (!header) {
    throw invalidInput(`The file is empty.`, {
      file: path,
      line: 1,
      fix: 'Give a header row with the column names, then one row per group.',
    });
  }
  const columns = header.cells.map((c) => c.trim());
  columns.forEach((c, i) => {
    if (c === '' || columns.indexOf(c) !== i) {
      throw invalidInput(`Column ${i + 1} of the header is ${c === '' ? 'empty' : `a repeat of "${c}"`}.`, {
        file: path,
        line: header.line,
        column: i + 1,
        fix: 'Give every column a unique name in the header row.',
      });
    }
  });
  const rows = records.slice(1).map(({ line, cells }) => {
    if (cells.length !== columns.length) {
      throw invalidInput(`This row has ${cells.length} fields but the header has ${columns.length}.`, {
        file: path,
        line,
        column: Math.min(cells.length, columns.length) + 1,
        fix: 'Make every row have one value per header column (quote values that contain commas).',
      });
    }
    const values: Record<string, string> = {};
    columns.forEach((c, i) => (values[c] = (cells[i] ?? '').trim()));
    return { line, values };
  });
  return { file: path, columns, rows };
}

/** Fail unless the table has every one of `required` columns. */
export function requireColumns(table: Table, required: readonly string[]): void {
  const missing = required.filter((c) => !table.columns.includes(c));
  if (missing.length > 0) {
    throw invalidInput(`The file has no column ${missing.map((m) => `"${m}"`).join(', ')}.`, {
      file: table.file,
      line: 1,
      column: missing[0],
      fix: `Add ${missing.length > 1 ? 'these columns' : 'this column'} to the header row (found: ${table.columns.join(', ')}).`,
    });
  }
}

export interface NumberRule {
  min?: number;
  integer?: boolean;
}

/** Parse a row's cell as a finite number, or throw naming the file, line and column. */
export function requireNumber(row: TableRow, column: string, file: string, opts: NumberRule = {}): number {
  const raw = row.values[column];
  const at = { file, line: row.line, column };
  if (raw === undefined || raw === '') {
    throw invalidInput(`Column "${column}" is empty.`, {
      ...at,
      fix: `Give a number in "${column}".`,
    });
  }
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(n)) {
    throw invalidInput(`Column "${column}" is not a number.`, {
      ...at,
      fix: `Give a plain number in "${column}" (digits, optional decimal point; no thousands separators or %).`,
    });
  }
  if (opts.integer && !Number.isInteger(n)) {
    throw invalidInput(`Column "${column}" must be a whole number.`, {
      ...at,
      fix: `Give a whole count in "${column}".`,
    });
  }
  if (opts.min !== undefined && n < opts.min) {
    throw invalidInput(`Column "${column}" must be at least ${opts.min}.`, {
      ...at,
      fix: opts.min === 0 ? `Counts cannot be negative: correct "${column}".` : `Correct "${column}".`,
    });
  }
  return n;
}

/** Like {@link requireNumber} but an empty cell gives null. */
export function optionalNumber(
  row: TableRow,
  column: string,
  file: string,
  opts: NumberRule = {},
): number | null {
  const raw = row.values[column];
  return raw === undefined || raw === '' ? null : requireNumber(row, column, file, opts);
}
