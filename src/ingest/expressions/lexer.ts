/** Tokens of the expression language (see ast.ts). Positions are 1-based character offsets. */
import { EquilensError } from '../../errors.js';

export type Token =
  | { type: 'ident'; value: string; pos: number }
  | { type: 'keyword'; value: 'and' | 'or' | 'not' | 'in' | 'is' | 'null' | 'true' | 'false'; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'number'; value: number; pos: number }
  | { type: 'op'; value: string; pos: number }
  | { type: 'punct'; value: '(' | ')' | ','; pos: number }
  | { type: 'end'; pos: number };

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'null', 'true', 'false']);

export class ExpressionSyntaxError extends EquilensError {
  constructor(message: string, pos: number) {
    super('invalid_config', `${message} (at character ${pos})`, { column: pos });
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const pos = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new ExpressionSyntaxError('Unterminated string literal', pos);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ type: 'string', value, pos });
    } else if (ch === '"' || ch === '`') {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) throw new ExpressionSyntaxError('Unterminated quoted column name', pos);
      tokens.push({ type: 'ident', value: text.slice(i + 1, close), pos });
      i = close + 1;
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9.]/.test(text[i + 1] ?? '') && !lastIsValue(tokens))) {
      const m = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i))!;
      tokens.push({ type: 'number', value: Number(m[0]), pos });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i))!;
      const lower = m[0].toLowerCase();
      if (KEYWORDS.has(lower)) tokens.push({ type: 'keyword', value: lower as never, pos });
      else tokens.push({ type: 'ident', value: m[0], pos });
      i += m[0].length;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: 'punct', value: ch, pos });
      i++;
    } else {
      const m = /^(<=|>=|<>|!=|==|=|<|>)/.exec(text.slice(i));
      if (!m) throw new ExpressionSyntaxError(`Unexpected character "${ch}"`, pos);
      tokens.push({ type: 'op', value: m[0], pos });
      i += m[0].length;
    }
  }
  tokens.push({ type: 'end', pos: text.length + 1 });
  return tokens;
}

function lastIsValue(tokens: readonly Token[]): boolean {
  const t = tokens.at(-1);
  return (
    t !== undefined &&
    (t.type === 'ident' ||
      t.type === 'number' ||
      t.type === 'string' ||
      (t.type === 'punct' && t.value === ')'))
  );
}
