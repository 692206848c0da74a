/**
 * A cut or corrupt compressed extract is refused, naming the file, before anything is loaded (issue #10
 * item 6): DuckDB alone loads the rows before a cut with exit 0. Synthetic files are made here; the UCI
 * extract is cut too when ../shared/data has it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { listDatasets, openWorkspace } from '../engine/workspace.js';
import { EquilensError } from '../errors.js';
import { ROOT, sharedData } from '../../test/support/needs.js';
import { HEADER, project } from './__fixtures__/project.js';
import { inspectInput } from './compressed-input.js';
import { ingest } from './index.js';

const rows = Array.from(
  { length: 3000 },
  (_, i) => `p${i % 700},e${i},2024-0${1 + (i % 9)}-05,B,N,F,MCR,NO,1`,
);
const CSV = Buffer.from(`${[HEADER, ...rows].join('\n')}\n`);

/** A zstd frame of raw blocks (RFC 8878): what any zstd reader reads, built without a zstd library. */
function zstdRaw(content: Buffer, blockSize = 16 * 1024): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38])]; // magic; no FCS/checksum; window 128 KiB
  for (let at = 0; at < content.length; at += blockSize) {
    const block = content.subarray(at, at + blockSize);
    const last = at + blockSize >= content.length ? 1 : 0;
    const h = (block.length << 3) | last; // type 0: raw
    parts.push(Buffer.from([h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff]), block);
  }
  return Buffer.concat(parts);
}

async function versions(workspace: string): Promise<number[]> {
  const ws = await openWorkspace(workspace);
  try {
    return (await listDatasets(ws.engine)).map((d) => d.version);
  } finally {
    await ws.close();
  }
}

async function refusal(config: string, workspace: string, data: string): Promise<EquilensError> {
  try {
    await ingest({ configPath: config, workspace, data: [data] });
  } catch (e) {
    expect(e).toBeInstanceOf(EquilensError);
    return e as EquilensError;
  }
  throw new Error(`expected the ingest of ${data} to be refused`);
}

describe('compressed extracts are checked whole before loading', () => {
  const p = project({ raw: gzipSync(CSV), file: 'extract.csv.gz' });
  const config = p.config;
  const gz = readFileSync(p.data);
  beforeAll(async () => {
    // v1 from the intact file: every refusal below must leave exactly it.
    const r = await ingest({ configPath: config, workspace: p.workspace, data: [p.data] });
    expect(r.reconciliation.read).toBe(3000);
  });

  it('refuses a gzip file cut at each of 13 points, naming it; no version is added', async () => {
    for (let k = 1; k <= 13; k++) {
      const cut = join(p.dir, `cut-${k}.csv.gz`);
      writeFileSync(cut, gz.subarray(0, Math.floor((gz.length * k) / 14)));
      const e = await refusal(config, p.workspace, cut);
      expect([e.code, e.details.file]).toEqual(['invalid_input', cut]);
      expect(e.message).toBe(
        `cut-${k}.csv.gz is damaged: its gzip stream ends early (the file was cut short, or is still being copied). Nothing of it was loaded.`,
      );
    }
    // The trailer alone missing (the last 8 bytes: CRC-32 and length) is a cut too.
    const noTrailer = join(p.dir, 'no-trailer.csv.gz');
    writeFileSync(noTrailer, gz.subarray(0, gz.length - 8));
    expect((await refusal(config, p.workspace, noTrailer)).message).toMatch(/ends early/);
    expect(await versions(p.workspace)).toEqual([1]);
  });

  it('refuses a zeroed CRC-32 and a wrong length', async () => {
    const crc = Buffer.from(gz);
    crc.fill(0, crc.length - 8, crc.length - 4);
    const bad = join(p.dir, 'crc.csv.gz');
    writeFileSync(bad, crc);
    const e = await refusal(config, p.workspace, bad);
    expect(e.message).toMatch(/^crc\.csv\.gz is damaged: its gzip checksum does not match its content/);
    const len = Buffer.from(gz);
    len.writeUInt32LE(len.readUInt32LE(len.length - 4) + 1, len.length - 4);
    writeFileSync(bad, len);
    expect((await refusal(config, p.workspace, bad)).message).toMatch(/checksum does not match/);
    expect(await versions(p.workspace)).toEqual([1]);
  });

  it('accepts an intact multi-member gzip file (each member checked)', async () => {
    const half = CSV.indexOf('\n', CSV.length / 2) + 1;
    const two = join(p.dir, 'two.csv.gz');
    writeFileSync(two, Buffer.concat([gzipSync(CSV.subarray(0, half)), gzipSync(CSV.subarray(half))]));
    expect((await inspectInput(two)).head?.subarray(0, HEADER.length).toString()).toBe(HEADER);
    const r = await ingest({ configPath: config, workspace: p.workspace, data: [two] });
    expect(r.reconciliation.read).toBe(3000);
  });

  it('reads an intact zstd file and refuses one cut at 13 points', async () => {
    const zst = zstdRaw(CSV);
    const whole = join(p.dir, 'extract.csv.zst');
    writeFileSync(whole, zst);
    const q = project({ raw: zst, file: 'extract.csv.zst' });
    const r = await ingest({ configPath: q.config, workspace: q.workspace, data: [whole] });
    expect(r.reconciliation.read).toBe(3000); // DuckDB reads the hand-made frame: it is real zstd
    for (let k = 1; k <= 13; k++) {
      const cut = join(q.dir, `cut-${k}.csv.zst`);
      writeFileSync(cut, zst.subarray(0, Math.floor((zst.length * k) / 14)));
      const e = await refusal(q.config, q.workspace, cut);
      expect([e.details.file, e.message]).toEqual([
        cut,
        `cut-${k}.csv.zst is damaged: its zstd stream ends early (the file was cut short, or is still being copied). Nothing of it was loaded.`,
      ]);
    }
    expect(await versions(q.workspace)).toEqual([1]);
  });

  it('refuses formats DuckDB cannot read (bzip2, xz, zip) with how to convert them', async () => {
    const cases: [string, number[], RegExp][] = [
      ['x.csv.bz2', [0x42, 0x5a, 0x68, 0x39], /bzip2-compressed.*bunzip2/],
      ['x.csv.xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], /xz-compressed.*unxz/],
      ['x.zip', [0x50, 0x4b, 0x03, 0x04], /zip-compressed.*unzip/],
    ];
    for (const [name, magic, re] of cases) {
      const f = join(p.dir, name);
      writeFileSync(f, Buffer.concat([Buffer.from(magic), Buffer.alloc(100, 7)]));
      expect((await refusal(config, p.workspace, f)).describe()).toMatch(re);
    }
  });
});

describe.skipIf(!sharedData('uci-diabetes-130/diabetic_data.csv.gz'))('the UCI extract, cut', () => {
  it('passes whole and is refused cut at 95% (DuckDB alone loads 96,713 of 101,766 rows)', async () => {
    const uci = sharedData('uci-diabetes-130/diabetic_data.csv.gz')!;
    const whole = await inspectInput(uci);
    expect(whole.compression).toBe('gzip');
    const p = project();
    const cut = join(p.dir, 'diabetic_data.csv.gz');
    const bytes = readFileSync(uci);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.95)));
    const config = join(ROOT, 'examples/uci-diabetes/equilens.yaml');
    const e = await refusal(config, p.workspace, cut);
    expect([e.details.file, e.message]).toEqual([
      cut,
      'diabetic_data.csv.gz is damaged: its gzip stream ends early (the file was cut short, or is still being copied). Nothing of it was loaded.',
    ]);
    expect(existsSync(p.workspace)).toBe(false); // refused before the workspace was opened
  });
});
