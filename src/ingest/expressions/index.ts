/**
 * Measure expressions: parse, check every column against the file's header, compile to parameterised SQL.
 * A config can never read files or run SQL: only known columns and bound literals reach the engine.
 */
import { invalidConfig } from '../../errors.js';
import { looksLikeHeader } from '../input-kind.js';
import { columnsOf } from './ast.js';
import { compileExpression } from './compile.js';
import { ExpressionTooLongError, parseExpression } from './parser.js';

export type { Expr } from './ast.js';
export { MAX_DEPTH, MAX_TERMS, parseExpression } from './parser.js';
export { compileExpression, type CompileContext } from './compile.js';

/** Find a header column by name: exact, else the one case-insensitive match. */
export function findColumn(name: string, header: readonly string[]): string | undefined {
  if (header.includes(name)) return name;
  const hits = header.filter((h) => h.toLowerCase() === name.toLowerCase());
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * A short list of known columns for error messages (no patient data: header names only). A first line
 * that does not look like a header (data, a system file, the wrong delimiter) is described, never quoted.
 */
export function knownColumnsText(header: readonly string[]): string {
  if (!looksLikeHeader(header)) {
    const n = header.length === 1 ? '1 field' : `${header.length} fields`;
    return `none shown (the first line, ${n}, does not look like a header: check that the file is the extract, and its delimiter, sources[].delimiter)`;
  }
  const shown = header.slice(0, 40).join(', ');
  return header.length > 40 ? `${shown}, … (${header.length} columns)` : shown;
}

export interface CompiledExpression {
  sql: string;
  params: (string | number)[];
}

/**
 * Parse and compile `text`, the value at config key `keyPath` (e.g. `measures[0].numerator`).
 * `column(name)` renders a checked header column; params are numbered from `firstParam`.
 * @example
 *   compileChecked("readmitted = '<30'", 'measures[0].numerator', header, (c) => `s."${c}"`)
 */
export function compileChecked(
  text: string,
  keyPath: string,
  header: readonly string[],
  column: (name: string) => string,
  firstParam = 1,
  file?: string,
): CompiledExpression {
  let expr;
  try {
    expr = parseExpression(text);
  } catch (e) {
    if (e instanceof ExpressionTooLongError) {
      throw invalidConfig(`The expression at ${keyPath} is too long: ${e.message}.`, {
        file,
        path: keyPath,
        fix:
          e.what === 'terms'
            ? "Write a long list of values as one comparison, column in ('a', 'b', …), or map the values to a custom attribute (mapping.attributes) and compare that."
            : 'Remove redundant parentheses and repeated "not".',
      });
    }
    const msg = e instanceof Error ? e.message : String(e);
    throw invalidConfig(`The expression at ${keyPath} is not valid: ${msg}.`, {
      file,
      path: keyPath,
      fix: "Write comparisons such as readmitted = '<30', x in ('a', 'b'), y is null, joined by and/or/not.",
    });
  }
  for (const name of columnsOf(expr)) {
    if (!findColumn(name, header)) {
      throw invalidConfig(
        `The expression at ${keyPath} reads column "${name}", which the data does not have. Known columns: ${knownColumnsText(header)}.`,
        {
          file,
          path: keyPath,
          fix: 'Use one of the known columns (names are case-sensitive), or quote a name with spaces in "double quotes".',
        },
      );
    }
  }
  const params: (string | number)[] = [];
  const sql = compileExpression(expr, {
    column: (name) => column(findColumn(name, header)!),
    param: (value) => {
      params.push(value);
      return `$${firstParam + params.length - 1}`;
    },
  });
  return { sql, params };
}
