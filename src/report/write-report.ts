/** `writeReport`: read results (object or path), build the report, write `<out>/<file>` (default report.html). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EquilensError } from '../errors.js';
import type { ResultsFile } from '../model/results.js';
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
      { file: path, fix: 'Run `equilens analyze` first, or pass --results PATH.' },
      { cause },
    );
  }
  try {
    const r = JSON.parse(text) as ResultsFile;
    if (!r || typeof r !== 'object' || !Array.isArray(r.measures) || !r.stamp)
      throw new Error('not a results file');
    return r;
  } catch (cause) {
    throw new EquilensError(
      'invalid_input',
      `${path} is not a results.json written by \`equilens analyze\`.`,
      { file: path, fix: 'Pass the results.json (or results.public.json) that `equilens analyze` wrote.' },
      { cause },
    );
  }
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
