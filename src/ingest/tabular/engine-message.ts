/**
 * An engine's read error, made safe to show: DuckDB's messages can quote the value it could not read (a birth
 * date, an id) or the line it was on, and a message must describe data, never quote it (issue #10 item 9).
 * Keeps the first line, drops everything quoted and anything after "line:"-style echoes.
 */
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g;
const ECHO = /\b(original line|line contents?|row contents?|value|sample)\s*:.*$/i;
const MAX = 200;
/** A type name such as 'DATE' or 'INTEGER' says what was expected and is not data. */
const TYPE_NAME = /^'[A-Z][A-Z0-9_ ]*'$/;
const keepTypeName = (q: string): string => (TYPE_NAME.test(q) ? q : '(a value)');

export function safeEngineMessage(message: string): string {
  const first = message.split('\n')[0] ?? '';
  const described = first.replace(ECHO, '').replace(QUOTED, keepTypeName).replace(/\s+/g, ' ').trim();
  return described.length > MAX ? `${described.slice(0, MAX - 1)}…` : described;
}
