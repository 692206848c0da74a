/**
 * Measure expressions that can only be false because of the data, checked against the staged rows: a
 * comparison of a true/false column with another literal (`flag = 'Y'` where flag holds true/false) is a
 * config error, not a silent zero; a comparison whose literals no row has is a warning. One pass over the
 * compared columns. Messages name columns and the config's own literals, never a data value, except the
 * spelling of the column's true value (true/TRUE/t) for the fix.
 */
import type { EquilensConfig } from '../../config/index.js';
import type { Engine } from '../../engine/dialect.js';
import { invalidConfig, type Warning } from '../../errors.js';
import type { Expr, Literal } from '../expressions/ast.js';
import { findColumn, parseExpression } from '../expressions/index.js';
import { measuresFor } from './measure-rows.js';

interface Comparison {
  keyPath: string;
  column: string;
  literals: string[];
}

/** Equality comparisons of a column with string literals (`c = 'x'`, `c != 'x'`, `c in ('x', 'y')`). */
export function comparisons(expr: Expr, keyPath: string, header: readonly string[]): Comparison[] {
  const out: Comparison[] = [];
  const str = (l: Literal) => (l.kind === 'string' ? l.value : String(l.value));
  const walk = (e: Expr): void => {
    if (e.kind === 'and' || e.kind === 'or') {
      walk(e.left);
      walk(e.right);
    } else if (e.kind === 'not') walk(e.expr);
    else if (e.kind === 'compare' && (e.op === '=' || e.op === '!=')) {
      const [col, lit] = e.left.kind === 'column' ? [e.left, e.right] : [e.right, e.left];
      const name = col.kind === 'column' ? findColumn(col.name, header) : undefined;
      if (name && lit.kind !== 'column') out.push({ keyPath, column: name, literals: [str(lit)] });
    } else if (e.kind === 'in' && e.operand.kind === 'column') {
      const name = findColumn(e.operand.name, header);
      if (name) out.push({ keyPath, column: name, literals: e.values.map(str) });
    }
  };
  walk(expr);
  return out;
}

const BOOL = ['true', 'false', 't', 'f'];

export async function checkLiterals(
  engine: Engine,
  o: {
    stage: string;
    config: EquilensConfig;
    source: string;
    first: boolean;
    header: readonly string[];
    file?: string;
  },
): Promise<Warning[]> {
  const all: Comparison[] = [];
  for (const { m, index } of measuresFor(o.config, o.source, o.first)) {
    for (const key of ['denominator', 'numerator', 'exclusions'] as const) {
      const text = m[key];
      if (text !== undefined)
        all.push(...comparisons(parseExpression(text), `measures[${index}].${key}`, o.header));
    }
  }
  if (!all.length) return [];
  const columns = [...new Set(all.map((c) => c.column))];
  const row = await literalCounts(engine, o.stage, columns, all);
  const warnings: Warning[] = [];
  for (const [j, c] of all.entries()) {
    const i = columns.indexOf(c.column);
    const filled = Number(row?.[`n${i}`] ?? 0);
    if (filled === 0 || Number(row?.[`h${j}`] ?? 0) > 0) continue;
    const lits = c.literals.map((l) => `'${l}'`).join(', ');
    if (row?.[`b${i}`] === true && !c.literals.some((l) => BOOL.includes(l.toLowerCase()))) {
      const t = typeof row[`t${i}`] === 'string' ? (row[`t${i}`] as string) : 'true';
      throw invalidConfig(
        `${c.keyPath} compares column ${c.column} with ${lits}, but ${c.column} holds only true/false values: no row could ever match.`,
        {
          file: o.file,
          path: c.keyPath,
          column: c.column,
          fix: `Compare with the column's own value, e.g. ${c.column} = '${t}'.`,
        },
      );
    }
    warnings.push({
      code: 'literal_never_matches',
      message: `${c.keyPath} compares column ${c.column} with ${lits}, which no row has: check the spelling (values are compared exactly, after trimming spaces).`,
      path: c.keyPath,
      column: c.column,
    });
  }
  return warnings;
}

/**
 * The counts the checks read, in one row: per comparison `h<j>` (rows holding one of its literals); per
 * compared column `n<i>` (filled rows), and, only for the columns of a comparison no row matched, `b<i>`
 * (all its values true/false) and `t<i>` (its spelling of true). lower() on every value is the costly
 * part, so it runs in a second pass, and only when a comparison matched nothing (rare).
 */
async function literalCounts(
  engine: Engine,
  stage: string,
  columns: readonly string[],
  all: readonly Comparison[],
): Promise<Record<string, unknown> | undefined> {
  const q = (c: string) => `s.${engine.ident(c)}`;
  const params: string[] = [];
  const p = (v: string) => `$${params.push(v)}`;
  const counts = [
    ...columns.map((c, i) => `COUNT(${q(c)}) AS n${i}`),
    ...all.map(
      (c, j) => `COUNT(*) FILTER (WHERE ${q(c.column)} IN (${c.literals.map(p).join(', ')})) AS h${j}`,
    ),
  ];
  const [row] = await engine.all<Record<string, unknown>>(
    `SELECT ${counts.join(', ')} FROM ${stage} s`,
    params,
  );
  const unmatched = new Set(
    all
      .filter(
        (c, j) =>
          Number(row?.[`h${j}`] ?? 0) === 0 && Number(row?.[`n${columns.indexOf(c.column)}`] ?? 0) > 0,
      )
      .map((c) => columns.indexOf(c.column)),
  );
  if (!unmatched.size) return row;
  params.length = 0;
  const boolList = BOOL.map(p).join(', ');
  const flags = [...unmatched].map((i) => {
    const c = q(columns[i] ?? '');
    return `bool_and(${c} IS NULL OR lower(${c}) IN (${boolList})) AS b${i}, max(${c}) FILTER (WHERE lower(${c}) IN ('true', 't')) AS t${i}`;
  });
  const [more] = await engine.all<Record<string, unknown>>(
    `SELECT ${flags.join(', ')} FROM ${stage} s`,
    params,
  );
  return { ...row, ...more };
}
