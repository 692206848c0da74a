/** Read an uploaded results.json: JSON syntax errors name line and column, schema errors name the key. */
import { invalidInput } from '../errors.js';
import type { ResultsFile } from '../model/results.js';
import { ResultsSchema } from '../model/results-schema.js';

function position(text: string, err: unknown): { line?: number; column?: number } {
  const m = /position (\d+)/.exec(String(err));
  if (!m) return {};
  const before = text.slice(0, Number(m[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

export function parseResults(text: string, file = 'results.json'): ResultsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw invalidInput(`${file} is not valid JSON.`, {
      file,
      ...position(text, err),
      fix: 'Upload the results.json that `equilens analyze` wrote, unchanged.',
    });
  }
  return validResults(json, file);
}

export function validResults(json: unknown, file = 'results.json'): ResultsFile {
  const r = ResultsSchema.safeParse(json);
  if (r.success) return json as ResultsFile;
  const issue = r.error.issues[0]!;
  const path = issue.path.join('.');
  throw invalidInput(
    `${file} does not look like results from \`equilens analyze\`: ${path || '(top level)'}: ${issue.message}.`,
    {
      file,
      path,
      fix: 'Upload the results.json that `equilens analyze` wrote (schemas/results.schema.json describes it).',
    },
  );
}
