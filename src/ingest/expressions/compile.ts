/**
 * Compile a parsed expression to parameterised SQL: columns become quoted identifiers (after being checked
 * against the header), literals become parameters. Comparisons with an empty cell are false (never NULL),
 * so `not` and `or` behave as people expect. A comparison with a number reads the column as a number
 * (a cell that is not a number compares false).
 */
import type { Expr, Literal, Operand } from './ast.js';

export interface CompileContext {
  /** SQL for a (checked) column name, e.g. `s."readmitted"`. */
  column(name: string): string;
  /** Bind a value and return its placeholder, e.g. `$3`. */
  param(value: string | number): string;
}

const isNumber = (o: Operand): boolean => o.kind === 'number';

function operandSql(o: Operand, asNumber: boolean, ctx: CompileContext): string {
  if (o.kind === 'column') {
    const c = ctx.column(o.name);
    return asNumber ? `TRY_CAST(${c} AS DOUBLE)` : c;
  }
  if (asNumber) return `CAST(${ctx.param(o.value)} AS DOUBLE)`;
  return `CAST(${ctx.param(String(o.value))} AS VARCHAR)`;
}

const literalText = (l: Literal): string => String(l.value);

/** The operands of a left-deep chain of `kind` (a or b or c → [a, b, c]), in order, without recursion. */
function chain(expr: Expr, kind: 'and' | 'or'): Expr[] {
  const rights: Expr[] = [];
  let e = expr;
  while (e.kind === kind) {
    rights.push(e.right);
    e = e.left;
  }
  return [e, ...rights.reverse()];
}

export function compileExpression(expr: Expr, ctx: CompileContext): string {
  switch (expr.kind) {
    case 'bool':
      return expr.value ? 'TRUE' : 'FALSE';
    case 'and':
    case 'or':
      // A chain of one operator is one flat SQL list: no nesting as deep as the chain is long.
      return `(${chain(expr, expr.kind)
        .map((e) => compileExpression(e, ctx))
        .join(` ${expr.kind.toUpperCase()} `)})`;
    case 'not':
      return `(NOT ${compileExpression(expr.expr, ctx)})`;
    case 'compare': {
      const asNumber = isNumber(expr.left) || isNumber(expr.right);
      const op = expr.op === '!=' ? '<>' : expr.op;
      const sql = `${operandSql(expr.left, asNumber, ctx)} ${op} ${operandSql(expr.right, asNumber, ctx)}`;
      return `COALESCE(${sql}, FALSE)`;
    }
    case 'in': {
      const asNumber = expr.values.every((v) => v.kind === 'number');
      const list = expr.values
        .map((v) => (asNumber ? operandSql(v, true, ctx) : `CAST(${ctx.param(literalText(v))} AS VARCHAR)`))
        .join(', ');
      const sql = `COALESCE(${operandSql(expr.operand, asNumber, ctx)} IN (${list}), FALSE)`;
      return expr.negated ? `(NOT ${sql})` : sql;
    }
    case 'null': {
      const o = operandSql(expr.operand, false, ctx);
      return expr.negated ? `(${o} IS NOT NULL)` : `(${o} IS NULL)`;
    }
  }
}
