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
  const q = (c: string) => `s.${engine.ident(c)}`;
  const params: string[] = [];
  const p = (v: string) => `$${params.push(v)}`;
  const boolList = BOOL.map(p).join(', ');
  const sel = [
    ...columns.map(
      (c, i) =>
        `COUNT(${q(c)}) AS n${i}, bool_and(${q(c)} IS NULL OR lower(${q(c)}) IN (${boolList})) AS b${i}, max(${q(c)}) FILTER (WHERE lower(${q(c)}) IN ('true', 't')) AS t${i}`,
    ),
    ...all.map(
      (c, j) => `COUNT(*) FILTER (WHERE ${q(c.column)} IN (${c.literals.map(p).join(', ')})) AS h${j}`,
    ),
  ];
  const [row] = await engine.all<Record<string, unknown>>(
    `SELECT ${sel.join(', ')} FROM ${o.stage} s`,
    params,
  );
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
