/**
 * The content hash of a dataset version's inputs: sha256 over each input file's bytes, streamed. A folder
 * input (FHIR/OMOP sources) hashes every file under it, in sorted relative-path order, with its path and
 * size, so a changed, added, removed or renamed file changes the hash (the folder's own path does not).
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export async function contentHash(paths: readonly string[], configHash: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`config:${configHash}\n`);
  for (const path of paths) {
    let isFile: boolean;
    try {
      isFile = statSync(path).isFile();
    } catch {
      hash.update('missing\n');
      continue; // the loader reports a missing input
    }
    if (isFile) {
      hash.update(`file:${statSync(path).size}\n`);
      await streamInto(hash, path);
      continue;
    }
    const files = listFiles(path);
    hash.update(`dir:${files.length}\n`);
    for (const rel of files) {
      const full = join(path, ...rel.split('/'));
      hash.update(`entry:${JSON.stringify(rel)}:${statSync(full).size}\n`);
      await streamInto(hash, full);
    }
  }
  return hash.digest('hex');
}

/** Relative paths ('/'-separated) of the regular files under `dir`, sorted by code unit. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    let stat;
    try {
      stat = statSync(join(dir, rel)); // follows symlinks
    } catch {
      continue; // a dangling link holds no data
    }
    if (stat.isDirectory()) out.push(...listFiles(dir, rel));
    else if (stat.isFile()) out.push(rel);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function streamInto(hash: Hash, path: string): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    createReadStream(path, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolvePromise())
      .on('error', reject);
  });
}
