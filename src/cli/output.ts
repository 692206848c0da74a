import { usageError } from '../errors.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export function parseFormat(
  value: string | undefined,
  allowed: readonly OutputFormat[] = ['table', 'json', 'csv'],
): OutputFormat {
  const format = (value ?? 'table') as OutputFormat;
  if (!allowed.includes(format)) {
    throw usageError(`Unknown --format "${value}".`, { fix: `Use one of: ${allowed.join(', ')}.` });
  }
  return format;
}

export type Cell = string | number | boolean | null | undefined;

/** Render rows as an aligned plain-text table (numbers right-aligned). */
export function formatTable(rows: readonly Record<string, Cell>[], columns?: readonly string[]): string {
  if (rows.length === 0) return '(no rows)\n';
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const text = (v: Cell): string => (v === null || v === undefined ? '' : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => text(r[c]).length)));
  const line = (cells: string[], numeric: boolean[]): string =>
    cells
      .map((s, i) => (numeric[i] ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const isNum = cols.map((c) =>
    rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number'),
  );
  const header = line(
    [...cols],
    cols.map(() => false),
  );
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = rows.map((r) =>
    line(
      cols.map((c) => text(r[c])),
      isNum,
    ),
  );
  return [header, rule, ...body].join('\n') + '\n';
}

/** RFC 4180 CSV. */
export function formatCsv(rows: readonly Record<string, Cell>[], columns?: readonly string[]): string {
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const quote = (v: Cell): string => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    [cols.map(quote).join(','), ...rows.map((r) => cols.map((c) => quote(r[c])).join(','))].join('\n') + '\n'
  );
}

export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
