/** Reading the community commands' input files (CSV, or gzip-compressed CSV) into pure records. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { invalidInput, usageError } from '../errors.js';
import { longAreas, sviAreas, type AreaTable, type Records } from '../community/index.js';
import { parseCsv } from '../ingest/aggregate/read-table.js';

export function readRecords(path: string, cwd: string): Records {
  const full = resolve(cwd, path);
  if (!existsSync(full)) {
    throw invalidInput(`Input file ${path} does not exist.`, {
      file: path,
      fix: 'Check the path (relative to the current folder).',
    });
  }
  const bytes = readFileSync(full);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const [header, ...rows] = parseCsv(text, path);
  if (!header)
    throw invalidInput('The file is empty.', {
      file: path,
      line: 1,
      fix: 'Give a header row, then data rows.',
    });
  return { file: path, header: header.cells.map((c) => c.replace(/^\ufeff/, '').trim()), rows };
}

/** `--svi FILE` or `--community FILE` (exactly one). */
export function readCommunity(opts: { svi?: string; community?: string }, cwd: string): AreaTable {
  if (opts.svi) return sviAreas(readRecords(opts.svi, cwd));
  if (opts.community) return longAreas(readRecords(opts.community, cwd));
  throw usageError('No community data given.', {
    fix: 'Give --svi SVI2020_US_COUNTY.csv(.gz) or --community FILE with area,attribute,group,estimate[,moe].',
  });
}

/** `--share 0.9` (a fraction in (0, 1]). */
export function parseShare(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (!(v > 0 && v <= 1))
    throw usageError(`--share "${value}" is not a fraction.`, {
      fix: 'Give a share between 0 and 1, e.g. --share 0.9.',
    });
  return v;
}

export const parseAreas = (value: string | undefined): string[] | undefined =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
