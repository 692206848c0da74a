/** A recursive-descent parser for the expression language (grammar in ast.ts). */
import type { CompareOp, Expr, Literal, Operand } from './ast.js';
import { ExpressionSyntaxError, tokenize, type Token } from './lexer.js';

const OPS: Readonly<Record<string, CompareOp>> = {
  '=': '=',
  '==': '=',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

/** At most this many comparisons in one expression (a long list of values is one `in (…)`). */
export const MAX_TERMS = 500;
/** At most this deep a nesting of parentheses and `not`. */
export const MAX_DEPTH = 50;

/** An expression over the limits: too many comparisons, or nested too deep (an input error, not a crash). */
export class ExpressionTooLongError extends Error {
  constructor(
    readonly what: 'terms' | 'depth',
    readonly found: number,
  ) {
    super(
      what === 'terms'
        ? `it has more than ${MAX_TERMS} comparisons`
        : `it nests parentheses or "not" more than ${MAX_DEPTH} deep`,
    );
    this.name = 'ExpressionTooLongError';
  }
}

/**
 * Parse an expression; throws ExpressionSyntaxError (an invalid_config EquilensError) with the position.
 * @example parseExpression("readmitted = '<30' and not discharge_disposition_id in (11, 13)")
 */
export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let i = 0;
  let terms = 0;
  let depth = 0;
  const deeper = () => {
    if (++depth > MAX_DEPTH) throw new ExpressionTooLongError('depth', depth);
  };
  const peek = (): Token => tokens[i]!;
  const next = (): Token => tokens[i++]!;
  const isKw = (t: Token, v: string): boolean => t.type === 'keyword' && t.value === v;
  const isPunct = (t: Token, v: string): boolean => t.type === 'punct' && t.value === v;
  const fail = (t: Token, what: string): never => {
    const got = t.type === 'end' ? 'the end' : `"${'value' in t ? String(t.value) : ''}"`;
    throw new ExpressionSyntaxError(`Expected ${what} but found ${got}`, t.pos);
  };

  const literal = (): Literal => {
    const t = next();
    if (t.type === 'string') return { kind: 'string', value: t.value };
    if (t.type === 'number') return { kind: 'number', value: t.value };
    return fail(t, 'a string or number literal');
  };
  const operand = (): Operand => {
    const t = peek();
    if (t.type === 'ident') {
      i++;
      return { kind: 'column', name: t.value };
    }
    return literal();
  };

  const comparison = (): Expr => {
    const t = peek();
    if (isPunct(t, '(')) {
      i++;
      deeper();
      const e = orExpr();
      depth--;
      if (!isPunct(next(), ')')) fail(tokens[i - 1]!, '")"');
      return e;
    }
    if (++terms > MAX_TERMS) throw new ExpressionTooLongError('terms', terms);
    if (isKw(t, 'true') || isKw(t, 'false')) {
      i++;
      return { kind: 'bool', value: isKw(t, 'true') };
    }
    const left = operand();
    const op = peek();
    if (op.type === 'op') {
      i++;
      return { kind: 'compare', op: OPS[op.value]!, left, right: operand() };
    }
    if (isKw(op, 'is')) {
      i++;
      const negated = isKw(peek(), 'not');
      if (negated) i++;
      if (!isKw(next(), 'null')) fail(tokens[i - 1]!, '"null"');
      return { kind: 'null', operand: left, negated };
    }
    const negated = isKw(op, 'not');
    if (negated) i++;
    if (isKw(peek(), 'in')) {
      i++;
      if (!isPunct(next(), '(')) fail(tokens[i - 1]!, '"(" after in');
      const values = [literal()];
      while (isPunct(peek(), ',')) {
        i++;
        values.push(literal());
      }
      if (!isPunct(next(), ')')) fail(tokens[i - 1]!, '")" or ","');
      return { kind: 'in', operand: left, values, negated };
    }
    return fail(peek(), 'a comparison (=, !=, <, <=, >, >=, in, is null) after a value');
  };
  const notExpr = (): Expr => {
    if (isKw(peek(), 'not')) {
      i++;
      deeper();
      const e: Expr = { kind: 'not', expr: notExpr() };
      depth--;
      return e;
    }
    return comparison();
  };
  const andExpr = (): Expr => {
    let left = notExpr();
    while (isKw(peek(), 'and')) {
      i++;
      left = { kind: 'and', left, right: notExpr() };
    }
    return left;
  };
  const orExpr = (): Expr => {
    let left = andExpr();
    while (isKw(peek(), 'or')) {
      i++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };

  const expr = orExpr();
  if (peek().type !== 'end') fail(peek(), '"and", "or" or the end');
  return expr;
}
