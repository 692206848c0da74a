import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { z } from 'zod';
import { invalidConfig, type EquilensError } from '../errors.js';
import { ConfigSchema } from './schema.js';
import { keysAt } from './schema-keys.js';
import { closest } from './suggest.js';

type Issue = z.core.$ZodIssue;
const SCHEMA_HINT = 'See schemas/equilens.schema.json (editors autocomplete from it).';

interface Where {
  doc: Document;
  lines: LineCounter;
  file: string;
}

/**
 * The one error to report for a failed validation, located at its real line and column. A missing
 * required key beside an unknown key that is one typo away is reported as the misspelling it is.
 */
export function explainIssues(issues: readonly Issue[], where: Where): EquilensError {
  const first = issues[0]!;
  if (isMissing(first, where.doc)) {
    const misspelt = misspelling(first, issues);
    if (misspelt) return misspelledKey(first, misspelt, where);
  }
  return explain(first, where);
}

const keyPath = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(top level)';

function isMissing(issue: Issue, doc: Document): boolean {
  return issue.code === 'invalid_type' && doc.getIn(issue.path, true) === undefined;
}

/** An unknown key in the same object as the missing one, close enough to be its misspelling. */
function misspelling(missing: Issue, issues: readonly Issue[]): string | undefined {
  const parent = missing.path.slice(0, -1).map(String).join('.');
  const name = String(missing.path.at(-1));
  for (const i of issues) {
    if (i.code !== 'unrecognized_keys' || i.path.map(String).join('.') !== parent) continue;
    const k = i.keys.find((key) => closest(key, [name]) === name);
    if (k) return k;
  }
  return undefined;
}

function misspelledKey(missing: Issue, typo: string, w: Where): EquilensError {
  const name = String(missing.path.at(-1));
  const pos = keyPosition(w, missing.path.slice(0, -1), typo);
  return invalidConfig(`Required key "${name}" is missing; "${typo}" looks like a misspelling of it.`, {
    file: w.file,
    ...pos,
    path: keyPath(missing.path),
    fix: `Rename "${typo}" to "${name}".`,
  });
}

/** A check of our own (mapping-check.ts) says its fix, and whether it is about a key or its value. */
function explainCustom(issue: Issue & { code: 'custom' }, w: Where): EquilensError | undefined {
  const params = issue.params as { fix?: string; at?: 'key' } | undefined;
  if (!params?.fix) return undefined;
  const pos =
    params.at === 'key'
      ? keyPosition(w, issue.path.slice(0, -1), String(issue.path.at(-1)))
      : position(w, nodeAt(w.doc, issue.path));
  return invalidConfig(issue.message, { file: w.file, ...pos, path: keyPath(issue.path), fix: params.fix });
}

function explain(issue: Issue, w: Where): EquilensError {
  if (issue.code === 'custom') {
    const custom = explainCustom(issue, w);
    if (custom) return custom;
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const suggestion = closest(key, keysAt(ConfigSchema, issue.path));
    const others =
      issue.keys.length > 1
        ? ` (and ${issue.keys
            .slice(1)
            .map((k) => `"${k}"`)
            .join(', ')})`
        : '';
    return invalidConfig(
      `Unknown key "${key}"${others}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      {
        file: w.file,
        ...keyPosition(w, issue.path, key),
        path: keyPath([...issue.path, key]),
        fix: suggestion
          ? `Rename it to "${suggestion}".`
          : `Remove or rename it; allowed here: ${keysAt(ConfigSchema, issue.path).join(', ')}.`,
      },
    );
  }
  const missing = isMissing(issue, w.doc);
  const node = missing ? nodeAt(w.doc, issue.path.slice(0, -1)) : nodeAt(w.doc, issue.path);
  return invalidConfig(describe(issue, missing, w.doc), {
    file: w.file,
    ...position(w, node),
    path: keyPath(issue.path),
    fix:
      issue.code === 'invalid_value'
        ? 'Use one of the allowed values.'
        : missing
          ? `Add "${String(issue.path.at(-1))}:" to ${keyPath(issue.path.slice(0, -1))}.`
          : SCHEMA_HINT,
  });
}

function describe(issue: Issue, missing: boolean, doc: Document): string {
  switch (issue.code) {
    case 'invalid_value':
      return `Invalid value. Allowed values: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_type':
      return missing
        ? `Required key "${String(issue.path.at(-1))}" is missing.`
        : `Wrong type: expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${got(doc.getIn(issue.path))}.`;
    default:
      return issue.message;
  }
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list (- item, or [a, b])',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
};

function got(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  return String(value);
}

function nodeAt(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (node && (isMap(node) || isSeq(node) || isScalar(node))) return node as Node;
  }
  return undefined;
}

function position(w: Where, node: Node | undefined | null): { line?: number; column?: number } {
  if (!node?.range) return {};
  const p = w.lines.linePos(node.range[0]);
  return { line: p.line, column: p.col };
}

/** Line and column of `key` itself inside the mapping at `path`. */
function keyPosition(
  w: Where,
  path: readonly PropertyKey[],
  key: string,
): { line?: number; column?: number } {
  const parent = nodeAt(w.doc, path);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key)) return position(w, pair.key);
  }
  return position(w, parent);
}
