/** `writeReport`: read results (object or path), build the report, write `<out>/<file>` (default report.html). */
import type { AuditFileLike } from './audit-section.js';
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
import { readEquityFiles, type EquityPaths } from './community-files.js';

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
  /** Path of an audit.json (`equilens audit-model --out`) to add as the model audit section. */
  audit?: string;
  /**
   * Equity files to add as sections (who we serve, payer mix, workforce). Those not named are taken from
   * beside the results file when there (community.json, payer-mix.json, workforce.json — in a public
   * report workforce.public.json); `false` adds none.
   */
  equity?: EquityPaths | false;
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
  const equity = opts.equity === false ? {} : readEquityFiles(path, opts.equity ?? {}, audience);
  const html = await buildReport(results, {
    audience,
    lang: opts.lang ?? 'en',
    ...(opts.definitions ? { definitions: opts.definitions } : {}),
    ...(opts.edition ? { edition: opts.edition } : {}),
    provenance: { ...(path ? { source: basename(path) } : {}), ...opts.provenance },
    ...(opts.audit ? { audit: readAudit(opts.audit, audience) } : {}),
    ...(Object.keys(equity).length ? { equity } : {}),
  });
  mkdirSync(opts.out, { recursive: true });
  const file = join(opts.out, opts.file ?? 'report.html');
  writeFileSync(file, html);
  return file;
}

/** An audit.json; a public report takes only an audit run with --audience public (it names its suppression). */
function readAudit(path: string, audience: 'internal' | 'public'): AuditFileLike {
  let audit: AuditFileLike;
  try {
    audit = JSON.parse(readFileSync(path, 'utf8')) as AuditFileLike;
  } catch (cause) {
    throw new EquilensError(
      'not_found',
      `Cannot read the model audit ${path}.`,
      { file: path, fix: 'Audit the model first, and name the audit.json it wrote.', next: 'audit_model' },
      { cause },
    );
  }
  if (!Array.isArray(audit.groups) || !Array.isArray(audit.calibration))
    throw new EquilensError(
      'invalid_input',
      `${path} is not an audit.json (no "groups" and "calibration").`,
      {
        file: path,
        fix: 'Name the audit.json the model audit wrote.',
        next: 'audit_model',
      },
    );
  if (audience === 'public' && !audit.method?.suppression)
    throw new EquilensError(
      'invalid_input',
      `${path} was not run for a public audience, so it is not suppressed.`,
      {
        file: path,
        fix: 'Audit the model for a public audience (suppressed) for a public report.',
        next: 'audit_model_public',
      },
    );
  return audit;
}
