/**
 * The expression language of `measures[].numerator` / `denominator` / `exclusions` (issue #2 item 6):
 * comparisons (`=`, `!=`, `<>`, `<`, `<=`, `>`, `>=`), `in (…)`, `not in (…)`, `is [not] null`,
 * `and` / `or` / `not`, parentheses, string literals ('<30'), numbers (11), `true` / `false`, and column
 * names (bare, or "quoted" / `quoted` when they hold other characters). Nothing else: no functions,
 * no SQL. Columns are checked against the file's header before anything runs.
 */
export type Literal = { kind: 'string'; value: string } | { kind: 'number'; value: number };
export type Operand = Literal | { kind: 'column'; name: string };
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Expr =
  | { kind: 'bool'; value: boolean }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; expr: Expr }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'in'; operand: Operand; values: Literal[]; negated: boolean }
  | { kind: 'null'; operand: Operand; negated: boolean };

/** Every column name an expression reads, in order of first use. */
export function columnsOf(expr: Expr): string[] {
  const out = new Set<string>();
  const operand = (o: Operand): void => {
    if (o.kind === 'column') out.add(o.name);
  };
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'and':
      case 'or':
        walk(e.left);
        walk(e.right);
        break;
      case 'not':
        walk(e.expr);
        break;
      case 'compare':
        operand(e.left);
        operand(e.right);
        break;
      case 'in':
      case 'null':
        operand(e.operand);
        break;
      case 'bool':
        break;
    }
  };
  walk(expr);
  return [...out];
}
