/**
 * Errors describe, never quote, the data (issue #10 item 9): a headerless extract, a UTF-16 one, a system
 * file or a binary given as the source are refused with what is wrong and how to fix it, and no value of
 * the file reaches the message or its details.
 */
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIO } from '../cli/io.js';
import { main } from '../cli/main.js';
import { CONFIG, HEADER, ROWS, project } from './__fixtures__/project.js';

/** Run `equilens ingest --format json` on `raw`; the parsed error, its exit code, and all it printed. */
async function ingestError(raw: Buffer, config: Record<string, unknown> = CONFIG) {
  const p = project({ raw, config });
  const io = captureIO(p.dir);
  const code = await main(
    [
      'node',
      'equilens',
      'ingest',
      '--config',
      p.config,
      '--workspace',
      p.workspace,
      '--format',
      'json',
      '--quiet',
    ],
    io,
  );
  // The temp folder's random name may hold a value's letters ("…rAcop1/"): it is not data, leave it out.
  const printed = (io.stdout + io.stderr).replaceAll(dirname(p.data), '<dir>');
  const err = (
    JSON.parse(io.stderr) as { error: { code: string; message: string; details: { file?: string } } }
  ).error;
  return { code, err, printed, data: p.data };
}

/** Values of the fixture's first rows: none may be printed. */
const VALUES = ['p1', 'e1', '2024-01-05', 'MCR', '<30', 'root:x', '/bin/bash'];
const quotesNothing = (printed: string) => {
  for (const v of VALUES) expect(printed).not.toContain(v);
};

describe('messages describe the data, never quote it', () => {
  it('a headerless file: "the first line looks like data, not a header"', async () => {
    const r = await ingestError(Buffer.from(`${ROWS.join('\n')}\n`));
    expect(r.code).toBe(1);
    expect(r.err.message).toBe(
      'extract.csv: the first line looks like data, not a header (9 fields; no values are shown).',
    );
    expect(r.err.details.file).toBe(r.data);
    quotesNothing(r.printed);
  });

  it('a UTF-16 file says it is UTF-16 and how to read or convert it', async () => {
    const text = `${[HEADER, ...ROWS].join('\n')}\n`;
    const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = await ingestError(bom);
    expect(r.code).toBe(1);
    expect(r.err.message).toBe('extract.csv is UTF-16 text, but the source is read as utf-8.');
    expect(r.printed).toMatch(
      /sources\[\]\.encoding: utf-16, or convert the file to UTF-8 \(iconv -f UTF-16 -t UTF-8/,
    );
    quotesNothing(r.printed);
    const be = await ingestError(Buffer.from(text, 'utf16le').swap16());
    expect(be.err.message).toBe('extract.csv is UTF-16 big-endian text, which Equilens cannot read.');
    quotesNothing(be.printed);
  });

  it('with encoding: utf-16, the same UTF-16 file loads', async () => {
    const text = `${[HEADER, ...ROWS].join('\n')}\n`;
    const p = project({
      raw: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      config: { ...CONFIG, sources: [{ ...CONFIG.sources[0], encoding: 'utf-16' }] },
    });
    const io = captureIO(p.dir);
    const args = ['ingest', '--config', p.config, '--workspace', p.workspace, '--format', 'json', '--quiet'];
    expect(await main(['node', 'equilens', ...args], io)).toBe(0);
    expect((JSON.parse(io.stdout) as { reconciliation: { read: number } }).reconciliation.read).toBe(7);
  });

  it('a system file given as the extract is not echoed', async () => {
    const passwd = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';
    const r = await ingestError(Buffer.from(passwd));
    expect(r.code).toBe(1);
    expect(r.err.message).toMatch(
      /^extract\.csv has no column "pid" .*Columns found: none shown \(the first line, 1 field, does not look like a header/,
    );
    quotesNothing(r.printed);
  });

  it('a binary file is "not a text file"', async () => {
    const elf = Buffer.concat([
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
      Buffer.alloc(600, 0),
      Buffer.from('p1,e1'),
    ]);
    const r = await ingestError(elf);
    expect([r.code, r.err.message]).toEqual([
      1,
      'extract.csv is not a text file, so it is not a CSV extract.',
    ]);
    quotesNothing(r.printed);
  });

  it('a wrong delimiter lists no values either', async () => {
    const r = await ingestError(Buffer.from(`${[HEADER, ...ROWS].join('\n').replace(/,/g, '|')}\n`));
    expect(r.code).toBe(1);
    expect(r.err.message).toMatch(/looks pipe-separated/); // said by the header check (tabular/header.ts)
    quotesNothing(r.printed);
  });
});
