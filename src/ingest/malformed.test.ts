/**
 * Malformed inputs: each gives one clear EquilensError (no stack trace) or a rejection with its location,
 * and a failed ingest leaves the earlier versions and no half-written version behind.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listDatasets, openWorkspace } from '../engine/workspace.js';
import { EquilensError } from '../errors.js';
import { CONFIG, HEADER, ROWS, project } from './__fixtures__/project.js';
import { ingest } from './index.js';

async function failure(p: ReturnType<typeof project>): Promise<EquilensError> {
  try {
    await ingest({ configPath: p.config, workspace: p.workspace });
  } catch (e) {
    expect(e).toBeInstanceOf(EquilensError);
    return e as EquilensError;
  }
  throw new Error('expected the ingest to fail');
}

describe('rejections with file, line, column and reason', () => {
  it('rejects ragged rows and bad encodings; read = loaded + rejected', async () => {
    const good = ROWS.slice(0, 3).join('\n');
    const raw = Buffer.concat([
      Buffer.from(`${HEADER}\n${good}\np5,e8,2024-01-01,B\np6,e9,2024-01-01,B,N,F,MCR,NO,1,extra\n`),
      Buffer.from('p7,e10,2024-01-01,'),
      Buffer.from([0xe9, 0x74, 0xe9]), // latin-1 "été" in a UTF-8 file
      Buffer.from(',N,F,MCR,NO,1\np8,e11,2024-01-01,W,N,M,MCR,NO,1\n'),
    ]);
    const p = project({ raw });
    const r = await ingest({ configPath: p.config, workspace: p.workspace });
    const rec = r.reconciliation;
    expect([rec.read, rec.loaded, rec.rejected]).toEqual([7, 4, 3]);
    expect(rec.rejections.map((x) => [x.line, x.column, x.reason])).toEqual([
      [5, 'eth', 'the row has 4 fields, the header has 9'], // the first field the short row lacks
      [6, null, expect.stringMatching(/^the row has more than 9 fields, the header has 9 /)],
      [7, 'race', expect.stringMatching(/^the row has bytes that are not valid in the file encoding/)],
    ]);
    expect(rec.rejections.every((x) => x.file === p.data)).toBe(true);
    const csv = readFileSync(rec.rejectionsFile!, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('source,file,line,column,value,reason');
    expect(csv).toHaveLength(4);
    expect(r.dataset.patients).toBe(2);
  });

  it('rejects a non-date event_date and an empty patient id with their line', async () => {
    const rows = [
      ...ROWS.slice(0, 2),
      'p1,e3,2024-99-01,B,N,F,MCR,NO,1',
      ',e4,2024-01-01,B,N,F,MCR,NO,1',
      'p2,e5,2024-01-01,B,N,F,MCR,NO,1',
    ];
    const header = HEADER;
    // A ragged row before them shifts the lines: the bad date is on line 5, the empty id on line 6.
    const p = project({ rows: [rows[0]!, 'p9,bad', ...rows.slice(1)], header });
    const r = await ingest({ configPath: p.config, workspace: p.workspace });
    const rec = r.reconciliation;
    expect([rec.read, rec.loaded, rec.rejected]).toEqual([6, 3, 3]);
    expect(rec.rejections.map((x) => [x.line, x.column, x.value])).toEqual([
      [3, 'date', null], // the first field the short row lacks
      [5, 'date', '2024-99-01'],
      [6, 'pid', null],
    ]);
    expect(rec.rejections[1]!.reason).toMatch(/^month 99 does not exist/);
  });

  // Deliberate change (issue #10 item 6): a header-only file used to become an empty newest version.
  it('refuses a header-only file, storing no version', async () => {
    const p = project({ rows: [] });
    const e = await failure(p);
    expect([e.code, e.message]).toEqual([
      'invalid_input',
      'The input has no data rows (a header only, or nothing): nothing was stored.',
    ]);
    expect(e.details.file).toBe(p.data);
  });

  it('refuses an ingest that rejects every row, saying why without values; v1 stays the newest', async () => {
    const p = project();
    await ingest({ configPath: p.config, workspace: p.workspace });
    writeFileSync(p.data, `${HEADER}\np1,e1,1999-99-01,B,N,F,MCR,NO,1\np2,e2,31/31/2024,B,N,F,MCR,NO,1\n`);
    const e = await failure(p);
    expect(e.message).toBe(
      'Every row was rejected (2 read, 2 rejected), so nothing was stored: 2 × column date: not a date: use YYYY-MM-DD (or MM/DD/YYYY) (first at line 2).',
    );
    expect(e.message).not.toMatch(/1999|31\/31/);
    const ws = await openWorkspace(p.workspace);
    try {
      expect((await listDatasets(ws.engine)).map((d) => d.version)).toEqual([1]);
    } finally {
      await ws.close();
    }
  });
});

describe('errors that stop the ingest, leaving the workspace as it was', () => {
  async function expectUntouched(p: ReturnType<typeof project>): Promise<void> {
    const ws = await openWorkspace(p.workspace);
    try {
      expect((await listDatasets(ws.engine)).map((d) => d.version)).toEqual([1]);
      const schemas = await ws.engine.all<{ s: string }>(
        `SELECT schema_name AS s FROM information_schema.schemata WHERE schema_name LIKE 'ds_%' ORDER BY 1`,
      );
      expect(schemas.map((x) => x.s)).toEqual(['ds_1']);
    } finally {
      await ws.close();
    }
  }

  async function afterGoodVersion(
    change: (p: ReturnType<typeof project>) => Promise<void>,
  ): Promise<{ err: EquilensError; p: ReturnType<typeof project> }> {
    const p = project();
    await ingest({ configPath: p.config, workspace: p.workspace });
    await change(p);
    const err = await failure(p);
    await expectUntouched(p);
    return { err, p };
  }

  const rewrite = (path: string, text: string | Buffer) =>
    import('node:fs').then((fs) => fs.writeFileSync(path, text));

  it('an empty file', async () => {
    const p = project();
    await ingest({ configPath: p.config, workspace: p.workspace });
    await rewrite(p.data, '');
    const err = await failure(p);
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(/empty/);
    expect(err.details.file).toBe(p.data);
    await expectUntouched(p);
  });

  it('a missing required column (patient id)', async () => {
    const p = project();
    await ingest({ configPath: p.config, workspace: p.workspace });
    await rewrite(p.data, `${HEADER.replace('pid', 'person')}\n${ROWS.join('\n')}\n`);
    const err = await failure(p);
    expect(err.code).toBe('invalid_input');
    expect(err.details).toMatchObject({ file: p.data, line: 1, column: 'pid' });
    expect(err.message).toContain('person, enc, date');
    await expectUntouched(p);
  });

  it('a mapping that references a missing column', async () => {
    const { err } = await afterGoodVersion((p) => {
      const cfg = structuredClone(CONFIG);
      cfg.mapping.attributes.sex.column = 'gender';
      return import('node:fs').then((fs) => fs.writeFileSync(p.config, JSON.stringify(cfg)));
    });
    expect(err.code).toBe('invalid_config');
    expect(err.details.path).toBe('mapping.attributes.sex.column');
    expect(err.message).toContain('"gender"');
  });

  it('an expression over an unknown column names the key path and the known columns', async () => {
    const p = project();
    await ingest({ configPath: p.config, workspace: p.workspace });
    const cfg = structuredClone(CONFIG);
    cfg.measures[0]!.numerator = "readmit = '<30'";
    await rewrite(p.config, JSON.stringify(cfg));
    const err = await failure(p);
    expect(err.code).toBe('invalid_config');
    expect(err.details.path).toBe('measures[0].numerator');
    expect(err.message).toContain('Known columns: pid, enc, date, race');
    await expectUntouched(p);
  });

  it('a missing input file', async () => {
    const p = project();
    await ingest({ configPath: p.config, workspace: p.workspace });
    const err = await ingest({
      configPath: p.config,
      workspace: p.workspace,
      data: ['nope.csv'],
      cwd: p.dir,
    }).catch((e: EquilensError) => e);
    expect((err as EquilensError).code).toBe('not_found');
    await expectUntouched(p);
  });

  it('an unknown source type names the key path and the allowed types', async () => {
    const cfg = structuredClone(CONFIG) as Record<string, unknown>;
    (cfg.sources as { type: string }[])[0]!.type = 'xlsx';
    const err = await failure(project({ config: cfg }));
    expect(err.code).toBe('invalid_config');
    expect(err.details.path).toBe('sources.0.type');
    expect(err.message).toContain('"csv"');
  });
});
