/**
 * A compressed input is checked whole before anything of it is loaded: DuckDB reads a gzip or zstd stream
 * that was cut short (or whose checksum is wrong) without a word, loading the rows before the cut. gzip
 * is inflated by node:zlib, streamed and discarded (about 400 MB of CSV a second), which checks the CRC-32
 * and length in each member's trailer; zstd, which Node 20 cannot inflate, has its frame structure walked
 * (block headers only), which finds a cut but not a corrupt block. Formats DuckDB cannot read are refused.
 * @example
 *   const { compression, head } = await inspectInput('/data/extract.csv.gz'); // throws if truncated/corrupt
 */
import { closeSync, createReadStream, openSync, readSync, fstatSync } from 'node:fs';
import { basename } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { invalidInput, type EquilensError } from '../errors.js';
import { compressionOf, type Compression } from './input-kind.js';

/** Bytes of (decompressed) content kept for sniffing the text kind and the first line. */
export const HEAD_BYTES = 64 * 1024;

export interface InspectedInput {
  compression?: Compression;
  /** The first bytes of the content (decompressed), when they can be had (not for zstd). */
  head?: Buffer;
}

const TOOLS: Record<'bzip2' | 'xz' | 'zip', string> = { bzip2: 'bunzip2', xz: 'unxz', zip: 'unzip' };

/** Read and check `path` whole if it is compressed; its head otherwise. */
export async function inspectInput(path: string): Promise<InspectedInput> {
  const start = readStart(path, HEAD_BYTES);
  const compression = compressionOf(start);
  if (compression === undefined) return { head: start };
  if (compression === 'gzip') return { compression, head: await inflateAll(path) };
  if (compression === 'zstd') {
    checkZstdFrames(path);
    return { compression };
  }
  throw invalidInput(`${basename(path)} is ${compression}-compressed, which Equilens cannot read.`, {
    file: path,
    fix: `Decompress it (${TOOLS[compression]}), or recompress it with gzip or zstd.`,
  });
}

function readStart(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

const damaged = (path: string, format: string, what: string): EquilensError =>
  invalidInput(`${basename(path)} is damaged: ${what}. Nothing of it was loaded.`, {
    file: path,
    fix: `Copy or export the file again (check the copy with \`${format} -t ${basename(path)}\`).`,
  });

/** Inflate every gzip member of `path` (checking each CRC-32 and length); returns the first bytes. */
async function inflateAll(path: string): Promise<Buffer> {
  const kept: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (size < HEAD_BYTES) kept.push(chunk.subarray(0, HEAD_BYTES - size));
      size += chunk.length;
      done();
    },
  });
  try {
    await pipeline(
      createReadStream(path, { highWaterMark: 1 << 20 }),
      createGunzip({ chunkSize: 1 << 20 }),
      sink,
    );
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message))
      throw damaged(
        path,
        'gzip',
        'its gzip stream ends early (the file was cut short, or is still being copied)',
      );
    if (/incorrect (data|length) check/i.test(e.message))
      throw damaged(
        path,
        'gzip',
        'its gzip checksum does not match its content (the data was altered or corrupted)',
      );
    if (e.code?.startsWith('Z_')) throw damaged(path, 'gzip', `it is not a valid gzip stream (${e.message})`);
    throw err;
  }
  return Buffer.concat(kept);
}

/**
 * Walk the zstd frames of `path` (RFC 8878 §3.1): frame headers and block headers, skipping block contents.
 * A file that ends inside a frame, or a reserved block type, is damaged.
 */
function checkZstdFrames(path: string): void {
  const fd = openSync(path, 'r');
  try {
    const total = fstatSync(fd).size;
    const buf = Buffer.alloc(18);
    const read = (pos: number, n: number): Buffer | undefined =>
      pos + n <= total && readSync(fd, buf, 0, n, pos) === n ? buf : undefined;
    const cut = () =>
      damaged(path, 'zstd', 'its zstd stream ends early (the file was cut short, or is still being copied)');
    let pos = 0;
    while (pos < total) {
      const magic = read(pos, 4)?.readUInt32LE(0);
      if (magic === undefined) throw cut();
      if ((magic & 0xfffffff0) === 0x184d2a50) {
        // A skippable frame: 4-byte size, then that many bytes.
        const len = read(pos + 4, 4)?.readUInt32LE(0);
        if (len === undefined || pos + 8 + len > total) throw cut();
        pos += 8 + len;
        continue;
      }
      if (magic !== 0xfd2fb528)
        throw damaged(path, 'zstd', 'it has bytes after its zstd data that are not zstd');
      const fhd = read(pos + 4, 1)?.[0];
      if (fhd === undefined) throw cut();
      const single = (fhd >> 5) & 1;
      const fcs = [single ? 1 : 0, 2, 4, 8][fhd >> 6]!;
      const dict = [0, 1, 2, 4][fhd & 3]!;
      const checksum = (fhd >> 2) & 1 ? 4 : 0;
      pos += 5 + (single ? 0 : 1) + dict + fcs;
      for (;;) {
        const h = read(pos, 3);
        if (!h) throw cut();
        const header = h[0]! | (h[1]! << 8) | (h[2]! << 16);
        const type = (header >> 1) & 3;
        if (type === 3) throw damaged(path, 'zstd', 'it has a zstd block of a reserved type');
        pos += 3 + (type === 1 ? 1 : header >>> 3);
        if (pos > total) throw cut();
        if (header & 1) break;
      }
      pos += checksum;
      if (pos > total) throw cut();
    }
  } finally {
    closeSync(fd);
  }
}
