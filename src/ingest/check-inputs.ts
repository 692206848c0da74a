/**
 * Before an ingest opens the workspace: every local input file is checked for what it is. A compressed
 * file is read whole and must be intact (compressed-input.ts); a CSV/TSV extract must be text in the
 * configured encoding and start with a header. Each refusal names the file and describes the problem
 * without quoting it: nothing read from a file that is not the expected kind reaches a message.
 */
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SourceConfig } from '../config/index.js';
import { invalidInput } from '../errors.js';
import { inspectInput } from './compressed-input.js';
import { listFiles } from './content-hash.js';
import { compressionOf, firstLineFields, looksLikeData, textKind } from './input-kind.js';

/** Check every local input of every source; throws the first problem found. */
export async function checkInputs(jobs: readonly { source: SourceConfig; paths: readonly string[] }[]) {
  for (const { source, paths } of jobs) {
    for (const path of paths) {
      const stat = statOf(path);
      if (stat?.isFile()) await checkFile(source, path);
      else if (stat?.isDirectory()) {
        for (const rel of listFiles(path)) {
          const full = join(path, ...rel.split('/'));
          if (isCompressedName(full)) await inspectInput(full);
        }
      }
      // A missing path (or a URL) is the loader's to report.
    }
  }
}

const statOf = (path: string) => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

const isCompressedName = (path: string) => /\.(gz|gzip|zst|zstd|bz2|xz|zip)$/i.test(path);

async function checkFile(source: SourceConfig, path: string): Promise<void> {
  const { head } = await inspectInput(path);
  if (source.type !== 'csv' && source.type !== 'tsv') return;
  if (!head?.length) return; // zstd (head unknown) or an empty file: the loader reports those.
  const name = basename(path);
  const kind = compressionOf(head) ? 'binary' : textKind(head);
  const encoding = source.encoding ?? 'utf-8';
  if (kind === 'utf-16le' && encoding !== 'utf-16') {
    throw invalidInput(`${name} is UTF-16 text, but the source is read as ${encoding}.`, {
      file: path,
      path: 'sources[].encoding',
      fix: `Set sources[].encoding: utf-16, or convert the file to UTF-8 (iconv -f UTF-16 -t UTF-8 ${name} > ${name.replace(/(\.\w+)?$/, '-utf8$1')}).`,
    });
  }
  if (kind === 'utf-16be') {
    throw invalidInput(`${name} is UTF-16 big-endian text, which Equilens cannot read.`, {
      file: path,
      fix: `Convert it to UTF-8 (iconv -f UTF-16BE -t UTF-8 ${name} > ${name.replace(/(\.\w+)?$/, '-utf8$1')}).`,
    });
  }
  if (kind === 'binary') {
    throw invalidInput(`${name} is not a text file, so it is not a ${source.type.toUpperCase()} extract.`, {
      file: path,
      fix: 'Check sources[].path (or --data): it should name the exported extract (CSV/TSV text, or .gz/.zst of it).',
    });
  }
  const text = kind === 'utf-16le' ? head.toString('utf16le') : head.toString('utf8');
  const fields = firstLineFields(text, source.delimiter ?? (source.type === 'tsv' ? '\t' : ','));
  if (fields && looksLikeData(fields)) {
    throw invalidInput(
      `${name}: the first line looks like data, not a header (${fields.length} fields; no values are shown).`,
      {
        file: path,
        line: 1,
        fix: 'Export the extract with a header line naming its columns, or add one as its first line.',
      },
    );
  }
}
