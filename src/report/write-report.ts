/** `writeReport`: read results (object or path), build the report, write `<out>/<file>` (default report.html). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EquilensError } from '../errors.js';
import type { ResultsFile } from '../model/results.js';
import { parseResults } from '../model/parse-results.js';
import { buildReport } from './build-report.js';
import type { Lang } from './i18n.js';
import type { Edition } from './build-report.js';
import type { LocalisedDefinition } from './localise.js';
import type { Provenance } from './provenance.js';
import { basename } from 'node:path';
import { assertPublic } from './public-guard.js';
import { verifyOutputFile } from '../engine/analysis/output-set.js';

export interface WriteReportOptions {
  results: ResultsFile | string;
  out: string;
  audience?: 'internal' | 'public';
  lang?: Lang;
  /** File name inside `out` (default report.html). */
  file?: string;
  definitions?: readonly LocalisedDefinition[];
  edition?: Edition;
  provenance?: Provenance;
}

export function readResults(path: string): ResultsFile {
  let text: string;
  if (existsSync(path)) verifyOutputFile(path); // refuse files from two different runs
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new EquilensError(
      'not_found',
      `Cannot read the results file ${path}.`,
      { file: path, fix: 'Run the analysis first, or name the results file that it wrote.', next: 'analyze' },
      { cause },
    );
  }
  return parseResults(text, path);
}

export async function writeReport(opts: WriteReportOptions): Promise<string> {
  const path = typeof opts.results === 'string' ? opts.results : undefined;
  const results = path ? readResults(path) : (opts.results as ResultsFile);
  const audience = opts.audience ?? 'internal';
  if (audience === 'public') assertPublic(results, path);
  const html = await buildReport(results, {
    audience,
    lang: opts.lang ?? 'en',
    ...(opts.definitions ? { definitions: opts.definitions } : {}),
    ...(opts.edition ? { edition: opts.edition } : {}),
    provenance: { ...(path ? { source: basename(path) } : {}), ...opts.provenance },
  });
  mkdirSync(opts.out, { recursive: true });
  const file = join(opts.out, opts.file ?? 'report.html');
  writeFileSync(file, html);
  return file;
}
