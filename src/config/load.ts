import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { invalidConfig, notFound } from '../errors.js';
import { ConfigSchema, type EquilensConfig } from './schema.js';

export interface LoadedConfig {
  config: EquilensConfig;
  /** Absolute path of the config file. */
  file: string;
  /** Folder of the config file: relative paths in the config resolve against it. */
  dir: string;
  /** sha256 of the config text: stamped on results so they can be reproduced. */
  hash: string;
}

/**
 * Read and validate `equilens.yaml`. Errors name the file, line, key path and the allowed values.
 * @example
 *   const { config, dir } = loadConfig('examples/uci-diabetes/equilens.yaml');
 */
export function loadConfig(path: string): LoadedConfig {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw notFound(`Config file ${path} not found.`, {
      file: path,
      fix: 'Run `equilens init` to create one, or pass --config PATH.',
    });
  }
  return { ...parseConfigText(text, file), file, dir: dirname(file) };
}

/** Validate config text (YAML or JSON). `file` is only used in error messages. */
export function parseConfigText(
  text: string,
  file = 'equilens.yaml',
): { config: EquilensConfig; hash: string } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0] ?? lineCounter.linePos(yamlError.pos[0]);
    throw invalidConfig(`The config is not valid YAML: ${yamlError.message.split('\n')[0]}`, {
      file,
      line: pos?.line,
      column: pos?.col,
      fix: 'Check indentation and quoting on that line.',
    });
  }
  const result = ConfigSchema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const keyPath = issue.path.map(String).join('.');
    const node = nodeAt(doc.contents, issue.path);
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    throw invalidConfig(describeIssue(issue), {
      file,
      line,
      path: keyPath || '(top level)',
      fix: fixFor(issue),
    });
  }
  return { config: result.data, hash: createHash('sha256').update(text).digest('hex') };
}

function nodeAt(root: unknown, path: readonly PropertyKey[]): Node | undefined {
  let node = root as Node | undefined;
  let last = node;
  for (const key of path) {
    if (isMap(node)) node = node.get(String(key), true) as Node | undefined;
    else if (isSeq(node)) node = node.get(Number(key), true) as Node | undefined;
    else break;
    if (node) last = node;
  }
  return node ?? last;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `Invalid value. Allowed values: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'unrecognized_keys':
      return `Unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
    case 'invalid_type':
      return issue.input === undefined ? `Required key is missing.` : `Expected ${issue.expected}.`;
    default:
      return issue.message;
  }
}

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'Remove or rename it; the JSON Schema in schemas/equilens.schema.json lists every key.';
    case 'invalid_value':
      return 'Use one of the allowed values.';
    default:
      return 'See schemas/equilens.schema.json (editors autocomplete from it).';
  }
}
