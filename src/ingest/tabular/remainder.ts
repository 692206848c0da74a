/**
 * The rest of a file after its first N lines, copied to a temp file. A CSV reader that meets a quote that is
 * never closed reads everything after it as one field, to the end of the file; staging rejects that line
 * and reads the lines after it again from this copy, so one stray quote costs one row, not the rest of the
 * file (or, when a later stray quote closed it, the lines in between). Plain and gzip files only
 * (byte-wise: UTF-8 and Latin-1, whose line feeds are one 0x0A byte).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/** Can the rest of this file be copied (plain or .gz, a byte-wise encoding)? */
export const canCopyRemainder = (path: string, encoding: string | undefined): boolean =>
  encoding !== 'utf-16' && !/\.(zst|zstd|bz2|xz|lz4|zip)$/i.test(path);

/** Drops the first `bytes` bytes, then everything up to and including the next line feed. */
class SkipToLineAfter extends Transform {
  private left: number;
  private seeking = true;
  constructor(bytes: number) {
    super();
    this.left = bytes;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (!this.seeking) return done(null, chunk);
    if (this.left >= chunk.length) {
      this.left -= chunk.length;
      return done();
    }
    const nl = chunk.indexOf(0x0a, this.left);
    this.left = 0;
    if (nl < 0) return done();
    this.seeking = false;
    done(null, chunk.subarray(nl + 1));
  }
}

export interface Remainder {
  path: string;
  /** Remove the temp copy. */
  dispose: () => void;
}

/**
 * Copy the lines after the line that holds byte `at` of `path` (decompressed) to a new temp file. (`at`
 * is the byte of the unclosed quote: DuckDB's `byte_position` less one.)
 */
export async function copyRemainder(path: string, at: number): Promise<Remainder> {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-rest-'));
  const out = join(dir, 'rest.csv');
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const steps = [createReadStream(path), ...(/\.gz$/i.test(path) ? [createGunzip()] : [])];
    await pipeline([...steps, new SkipToLineAfter(Math.max(0, at)), createWriteStream(out, { mode: 0o600 })]);
  } catch (err) {
    dispose();
    throw err;
  }
  return { path: out, dispose };
}
