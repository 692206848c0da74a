/**
 * The one reader of the results contract: `results.json` text or a parsed value → a `ResultsFile`, checked
 * against the zod schema (results-schema.ts, itself checked against the TS types both ways). Used by the
 * report, the server's import and the CLI. JSON syntax errors name line and column; schema errors name the
 * key path. Unknown fields are kept (readers ignore fields they do not know; fields are only ever added).
 */
import { invalidInput } from '../errors.js';
import type { ResultsFile } from './results.js';
import { ResultsSchema } from './results-schema.js';

const FIX = 'Use the results.json (or results.public.json) an Equilens analysis wrote, unchanged.';

/** Line and column of a JSON.parse error, from its "position N". */
function position(text: string, err: unknown): { line?: number; column?: number } {
  const m = /position (\d+)/.exec(String(err));
  if (!m) return {};
  const lines = text.slice(0, Number(m[1])).split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}

/** Parse results.json text; `file` names it in messages. */
export function parseResults(text: string, file = 'results.json'): ResultsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw invalidInput(`${file} is not valid JSON.`, { file, ...position(text, err), fix: FIX });
  }
  return validResults(json, file);
}

/** Check an already-parsed value against the results schema. */
export function validResults(json: unknown, file = 'results.json'): ResultsFile {
  const r = ResultsSchema.safeParse(json);
  if (r.success) return json as ResultsFile;
  const issue = r.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  throw invalidInput(
    `${file} does not look like results of an Equilens analysis: ${path || '(top level)'}: ${issue?.message ?? 'invalid'}.`,
    { file, path, fix: `${FIX} schemas/results.schema.json describes the format.` },
  );
}
