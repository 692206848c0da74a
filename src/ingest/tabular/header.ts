/**
 * The header of a CSV/TSV file, read and split without DuckDB's sniffer: DuckDB reads the first line raw
 * (decompressing and decoding it as it would the data), and it is split here on the configured delimiter
 * with RFC 4180 quotes. The data is then read with these columns and `auto_detect = false`, so a ragged row
 * or a stray quote anywhere (even in the first rows) is a rejection at its line, never "Error when
 * sniffing file". The header is checked: no duplicate names, and a file that is one column holding tabs or
 * semicolons is reported as read with the wrong delimiter.
 */
import { basename } from 'node:path';
import type { SourceConfig } from '../../config/index.js';
import { quoteLiteral, type Engine } from '../../engine/dialect.js';
import { invalidInput } from '../../errors.js';

/** DuckDB's default `max_line_size` (bytes), used unless sources[].max_line_size raises it. */
export const DEFAULT_MAX_LINE_SIZE = 2_097_152;

export const delimiterOf = (type: string, source: SourceConfig): string =>
  source.delimiter ?? (type === 'tsv' ? '\t' : ',');

export const maxLineSize = (source: SourceConfig): number => source.max_line_size ?? DEFAULT_MAX_LINE_SIZE;

/** Split one CSV line into fields: `delim` separates, `"` quotes, `""` inside quotes is one quote. */
export function splitLine(line: string, delim: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (line[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (line.startsWith(delim, i)) {
      out.push(field.trim());
      field = '';
      i += delim.length - 1;
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

/** The delimiter a one-column header most likely uses instead, when it is not the configured one. */
function otherDelimiter(header: readonly string[], delim: string): { name: string; fix: string } | null {
  if (header.length !== 1) return null;
  const h = header[0]!;
  if (delim !== '\t' && h.includes('\t')) {
    return { name: 'tab-separated', fix: 'Set sources[].type: tsv (or sources[].delimiter: "\\t").' };
  }
  if (delim !== ';' && h.includes(';')) {
    return { name: 'semicolon-separated', fix: 'Set sources[].delimiter: ";".' };
  }
  if (delim !== '|' && h.includes('|'))
    return { name: 'pipe-separated', fix: 'Set sources[].delimiter: "|".' };
  if (delim !== ',' && h.includes(',')) {
    return { name: 'comma-separated', fix: 'Set sources[].type: csv (or sources[].delimiter: ",").' };
  }
  return null;
}

/** Check a header: names present, no duplicates, the delimiter plausible. Throws EquilensError. */
export function checkHeader(header: readonly string[], path: string, delim: string): void {
  const other = otherDelimiter(header, delim);
  if (other) {
    throw invalidInput(
      `${basename(path)} looks ${other.name}, but it is read with the delimiter ${JSON.stringify(delim)}: its header is one column.`,
      { file: path, line: 1, path: 'sources[].delimiter', fix: other.fix },
    );
  }
  const seen = new Map<string, number>();
  for (const [i, name] of header.entries()) {
    const key = name.toLowerCase();
    if (seen.has(key)) {
      throw invalidInput(
        `${basename(path)} has two columns named "${name}" (columns ${seen.get(key)! + 1} and ${i + 1} of the header): a column name must be unique.`,
        { file: path, line: 1, column: name, fix: 'Rename one of them in the export (or drop it).' },
      );
    }
    seen.set(key, i);
  }
  const blank = header.findIndex((n) => n === '');
  if (blank >= 0 && header.length > 1) {
    throw invalidInput(`${basename(path)} has a column without a name (column ${blank + 1} of the header).`, {
      file: path,
      line: 1,
      fix: 'Give every column a name in the header line.',
    });
  }
}

/**
 * The first line of a CSV/TSV file, raw (compression and encoding as the data reader will apply them), or
 * null when the file has no line.
 */
export async function firstLine(engine: Engine, path: string, source: SourceConfig): Promise<string | null> {
  const encoding = source.encoding ?? 'utf-8';
  // Later lines may be bad (they become rejections when the rows are read): only the first one matters.
  const rej = `__eq_header_rej_${Math.random().toString(36).slice(2, 10)}`;
  try {
    const rows = await engine.all<{ l: string | null }>(
      `SELECT l FROM read_csv(${quoteLiteral(path)}, header = false, auto_detect = false, columns = {'l': 'VARCHAR'},
        delim = '\x01', quote = '', escape = '', strict_mode = false, encoding = ${quoteLiteral(encoding)},
        max_line_size = ${maxLineSize(source)}, store_rejects = true, rejects_table = '${rej}_e',
        rejects_scan = '${rej}_s') LIMIT 1`,
    );
    const [bad] = await engine.all<{ error_type: string; error_message: string }>(
      `SELECT error_type, error_message FROM ${rej}_e WHERE line = 1 LIMIT 1`,
    );
    if (bad) throw headerRejected(path, source, bad);
    return rows.length ? (rows[0]!.l ?? '') : null;
  } finally {
    await engine.run(`DROP TABLE IF EXISTS ${rej}_e; DROP TABLE IF EXISTS ${rej}_s`);
  }
}

function headerRejected(
  path: string,
  source: SourceConfig,
  bad: { error_type: string; error_message: string },
) {
  if (bad.error_type === 'LINE SIZE OVER MAXIMUM') {
    return invalidInput(
      `${basename(path)}: line 1 (the header) is longer than the reader's limit of ${maxLineSize(source)} bytes.`,
      {
        file: path,
        line: 1,
        path: 'sources[].max_line_size',
        fix: 'Raise sources[].max_line_size above the length of the header line, or check that the file is a CSV/TSV.',
      },
    );
  }
  if (bad.error_type === 'INVALID ENCODING') {
    return invalidInput(
      `${basename(path)}: line 1 (the header) has bytes that are not valid ${source.encoding ?? 'utf-8'}.`,
      { file: path, line: 1, path: 'sources[].encoding', fix: 'Set sources[].encoding (e.g. latin-1).' },
    );
  }
  return invalidInput(
    `${basename(path)}: line 1 (the header) could not be read (${bad.error_type.toLowerCase()}).`,
    {
      file: path,
      line: 1,
      fix: 'Check the file type (sources[].type), delimiter and encoding (sources[].encoding).',
    },
  );
}
