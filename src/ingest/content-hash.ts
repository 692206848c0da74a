/** The content hash of a dataset version's inputs: sha256 over each input file's bytes, streamed. */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';

export async function contentHash(paths: readonly string[], configHash: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`config:${configHash}\n`);
  for (const path of paths) {
    hash.update(`file:${path.length}\n`);
    let isFile: boolean;
    try {
      isFile = statSync(path).isFile();
    } catch {
      continue; // the loader reports a missing input
    }
    if (!isFile) {
      hash.update(`dir:${path}`);
      continue;
    }
    await new Promise<void>((resolvePromise, reject) => {
      createReadStream(path, { highWaterMark: 1 << 20 })
        .on('data', (chunk) => hash.update(chunk))
        .on('end', () => resolvePromise())
        .on('error', reject);
    });
  }
  return hash.digest('hex');
}
