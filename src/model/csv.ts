/**
 * One CSV cell as every CSV Equilens writes it: RFC 4180 quoting, and OWASP's rule against formula
 * injection — a text cell that starts with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with a
 * single quote, so a spreadsheet shows it as text instead of running it. Numbers are never touched (a
 * negative difference stays a number a BI tool can read); a text cell that is itself a plain number
 * (`-0.5`) is left as it is too.
 * Reference: OWASP, "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Neutralise a text value that a spreadsheet would read as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A CSV cell: empty for null/undefined, numbers and booleans as they are, text neutralised and quoted. */
export function csvCell(value: string | number | bigint | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const s = neutraliseFormula(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV line from cells. */
export const csvLine = (values: readonly (string | number | bigint | boolean | null | undefined)[]): string =>
  values.map(csvCell).join(',');
