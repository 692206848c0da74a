import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { invalidConfig, notFound } from '../errors.js';
import { explainIssues } from './explain-issue.js';
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
      fix: 'Create a project config (equilens.yaml), or name the one to use.',
      next: 'create_config',
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
    throw invalidConfig(
      `The config is not valid YAML: ${yamlError.message.split('\n')[0]?.replace(/\.?$/, '.')}`,
      {
        file,
        line: pos?.line,
        column: pos?.col,
        fix: `Check indentation and quoting on line ${pos.line}, column ${pos.col}.`,
      },
    );
  }
  const result = ConfigSchema.safeParse(toJS(doc, file));
  if (!result.success) throw explainIssues(result.error.issues, { doc, lines: lineCounter, file });
  return { config: result.data, hash: createHash('sha256').update(text).digest('hex') };
}

/** More aliases than this is refused: a "billion laughs" config would otherwise expand without bound. */
export const MAX_ALIASES = 100;

function toJS(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      throw invalidConfig(`The config expands YAML aliases (*name) more than ${MAX_ALIASES} times.`, {
        file,
        fix: 'Write the repeated values out, or use fewer aliases; a config never needs this many.',
      });
    }
    throw err;
  }
}
