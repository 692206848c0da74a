/**
 * A messy extract (issue #13 items 2 and 10): bad rows are rejections at their line, never an aborted
 * ingest; values that can be read are loaded, with counted warnings. Fixtures are made up here (no PHI).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../engine/workspace.js';
import { EquilensError } from '../../errors.js';
import { CONFIG, HEADER, ROWS, project } from '../__fixtures__/project.js';
import { ingest, type IngestResult } from '../index.js';

/** n good rows, one person and one unit each: p1/e1 … */
const good = (n: number, from = 1) =>
  Array.from({ length: n }, (_, k) => `p${from + k},e${from + k},2024-01-05,B,N,F,MCR,NO,1`);

const run = (p: ReturnType<typeof project>) => ingest({ configPath: p.config, workspace: p.workspace });
const where = (r: IngestResult) => r.reconciliation.rejections.map((x) => [x.line, x.column, x.reason]);

async function failure(p: ReturnType<typeof project>): Promise<EquilensError> {
  const e = await run(p).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(EquilensError);
  return e as EquilensError;
}

async function query<T>(workspace: string, sql: string): Promise<T[]> {
  const ws = await openWorkspace(workspace);
  try {
    return await ws.engine.all<T & Record<string, unknown>>(sql);
  } finally {
    await ws.close();
  }
}

describe('ragged and malformed rows are rejections; the rest of the file loads', () => {
  it('a short row, a long row and a stray quote among the first rows (where a sniffer reads)', async () => {
    const rows = good(20);
    rows[0] = 'p1,e1,2024-01-05,B'; // line 2: 4 fields of 9
    rows[1] = 'p2,e2,2024-01-05,B,N,F,MCR,NO,1,x,y'; // line 3: 11 fields
    rows[2] = 'p3,e3,2024-01-05,"B,N,F,MCR,NO,1'; // line 4: a quote never closed
    const r = await run(project({ rows }));
    expect([r.reconciliation.read, r.reconciliation.loaded, r.reconciliation.rejected]).toEqual([20, 17, 3]);
    expect(where(r)).toEqual([
      [2, 'eth', 'the row has 4 fields, the header has 9'],
      [3, null, 'the row has more than 9 fields, the header has 9 (a delimiter inside an unquoted value?)'],
      [4, 'race', expect.stringMatching(/^a quote opens on this line and is never closed/)],
    ]);
    expect(r.dataset.patients).toBe(17);
  });

  it.each([
    ['plain', false],
    ['gzip', true],
  ])('after a quote never closed, every later line is read again (%s)', async (_, gz) => {
    // Two stray quotes: each costs its own line only; the rows between and after them all load.
    const rows = good(30);
    rows[9] = 'p10,"e10,2024-01-05,B,N,F,MCR,NO,1'; // line 11
    rows[19] = 'p20,e20,2024-01-05,B,N,F,MCR,"NO,1'; // line 21
    rows[25] = 'p26,e26,2024-01-05,B'; // line 27, short: lines stay right after the re-reads
    const text = `${[HEADER, ...rows].join('\n')}\n`;
    const file = gz ? 'extract.csv.gz' : 'extract.csv';
    const config = { ...CONFIG, sources: [{ ...CONFIG.sources[0], path: file }] };
    const p = project({ file, raw: gz ? gzipSync(text) : Buffer.from(text), config });
    const r = await run(p);
    expect([r.reconciliation.read, r.reconciliation.loaded, r.reconciliation.rejected]).toEqual([30, 27, 3]);
    expect(r.reconciliation.rejections.map((x) => [x.line, x.column])).toEqual([
      [11, 'enc'],
      [21, 'readmitted'],
      [27, 'eth'],
    ]);
    const ids = await query<{ n: number }>(p.workspace, `SELECT COUNT(*) AS n FROM ds_1.patients`);
    expect(Number(ids[0]!.n)).toBe(27);
  });

  it('a line longer than the reader limit names the setting; raising it loads the line', async () => {
    const rows = good(5);
    rows[2] = `p3,e3,2024-01-05,B,N,F,MCR,NO,${'1'.repeat(3000)}`; // line 4
    const config = { ...CONFIG, sources: [{ ...CONFIG.sources[0], max_line_size: 2000 }] };
    const r = await run(project({ rows, config }));
    expect(where(r)).toEqual([[4, null, expect.stringContaining('raise sources[].max_line_size')]]);
    expect(r.reconciliation.rejections[0]!.reason).toContain('(2000 bytes)');
    const raised = { ...CONFIG, sources: [{ ...CONFIG.sources[0], max_line_size: 10_000 }] };
    const ok = await run(project({ rows, config: raised }));
    expect(ok.reconciliation.rejected).toBe(0);
  });

  it('a header longer than the limit is an error naming line 1 and the setting', async () => {
    const config = { ...CONFIG, sources: [{ ...CONFIG.sources[0], max_line_size: 20 }] };
    const err = await failure(project({ config }));
    expect(err.details).toMatchObject({ line: 1, path: 'sources[].max_line_size' });
  });
});

describe('dates, birth dates and ZIP codes', () => {
  const HEADER_BZ = `${HEADER},dob,zip`;
  const config = {
    ...CONFIG,
    mapping: {
      ...CONFIG.mapping,
      attributes: { ...CONFIG.mapping.attributes, birth_date: { column: 'dob' }, zip: { column: 'zip' } },
    },
  };
  const rows = [
    'p1,e1,2024-01-05,B,N,F,MCR,NO,1,1980-01-01,02139',
    'p2,e2,2024-13-45,B,N,F,MCR,NO,1,1980-01-01,02139', // event date: month 13
    'p3,e3,2024-04-31,B,N,F,MCR,NO,1,1980-01-01,02139', // event date: April has 30 days
    'p4,e4,2024-01-05,B,N,F,MCR,NO,1,1980-02-30,2139', // bad birth date, ZIP lost its zero
    'p5,e5,2024-01-05,B,N,F,MCR,NO,1,,601', // no birth date; a 3-digit "ZIP" is not padded
    'p6,e6,2024-01-05,B,N,F,MCR,NO,1,1950-06-01,2138-1234', // ZIP+4 lost its zero
  ];

  it('says what is wrong with a date, keeps a unit whose birth date is bad (age Unknown), pads ZIPs', async () => {
    const p = project({ header: HEADER_BZ, rows, config });
    const r = await run(p);
    expect(where(r)).toEqual([
      [3, 'date', 'month 13 does not exist (read as YYYY-MM-DD; months are 1-12)'],
      [4, 'date', 'day 31 does not exist in month 4 (it has 30 days that year; read as YYYY-MM-DD)'],
    ]);
    expect(r.reconciliation.loaded).toBe(4);
    const people = await query<{ patient_id: string; age_band: string; zip: string }>(
      p.workspace,
      `SELECT patient_id, age_band, zip FROM ds_1.patients ORDER BY patient_id`,
    );
    // 2024-01-05 - 1980-01-01 = 44 years; 1950-06-01 → 73 years.
    expect(people.map((x) => [x.patient_id, x.age_band, x.zip])).toEqual([
      ['p1', '40-49', '02139'],
      ['p4', 'Unknown', '02139'],
      ['p5', 'Missing', '601'],
      ['p6', '70-79', '02138-1234'],
    ]);
    const codes = Object.fromEntries(r.warnings.map((w) => [w.code, w]));
    expect(codes.birth_date_invalid).toMatchObject({ rows: 1, people: 1, column: 'dob' });
    expect(codes.zip_padded).toMatchObject({ rows: 2, people: 2, column: 'zip' });
    // Nothing of a birth date is echoed: not in the JSON, not in the rejections file.
    const json = JSON.stringify(r);
    expect(json).not.toContain('1980-02-30');
    expect(readFileSync(r.reconciliation.rejectionsFile!, 'utf8')).not.toContain('1980');
    expect(r.reconciliation.rejectionsFile).toMatch(/rejections-v1\.internal\.csv$/);
  });
});

describe('whitespace, duplicate units, and outcome columns', () => {
  it('trims ids, codes and outcome values the same way', async () => {
    const rows = [
      'p1,e1,2024-01-05,B,N,F,MCR,<30,1',
      ' p1 ,e2, 2024-02-05 , B ,N,F,MCR, <30 ,1', // the same person, code and outcome
      '\tp2\t,e3,2024-03-05,W,N,F,MCR,<30\t,1',
      '   ,e4,2024-03-05,W,N,F,MCR,NO,1', // an id of spaces is an empty id
    ];
    const p = project({ rows });
    const r = await run(p);
    expect(where(r)).toEqual([[5, 'pid', 'the patient id is empty: every row needs one']]);
    const people = await query<{ patient_id: string; race: string }>(
      p.workspace,
      `SELECT patient_id, race FROM ds_1.patients ORDER BY 1`,
    );
    expect(people).toEqual([
      { patient_id: 'p1', race: 'Black or African American' },
      { patient_id: 'p2', race: 'White' },
    ]);
    const num = await query<{ n: number }>(
      p.workspace,
      `SELECT COUNT(*) FILTER (WHERE in_numerator) AS n FROM ds_1.measure_rows`,
    );
    expect(Number(num[0]!.n)).toBe(3);
  });

  it('counts a unit id seen twice once (first row kept) and reports the repeat at its line', async () => {
    const rows = [...good(3), 'p2,e2,2024-01-09,B,N,F,MCR,<30,1', ...good(1, 4)];
    const p = project({ rows });
    const r = await run(p);
    expect(where(r)).toEqual([
      [5, 'enc', 'the same unit id as line 3: a unit is counted once (its first row is kept)'],
    ]);
    expect(r.reconciliation.rejections[0]!.value).toBeNull();
    expect(r.warnings.find((w) => w.code === 'duplicate_units')).toMatchObject({ rows: 1, units: 1 });
    const units = await query<{ n: number; num: number }>(
      p.workspace,
      `SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE in_numerator) AS num FROM ds_1.measure_rows`,
    );
    expect(units.map((u) => [Number(u.n), Number(u.num)])).toEqual([[4, 0]]);
  });

  it("a true/false outcome column compared with 'Y' is a config error naming the key", async () => {
    const rows = ['p1,e1,2024-01-05,B,N,F,MCR,true,1', 'p2,e2,2024-01-05,B,N,F,MCR,false,1'];
    const config = structuredClone(CONFIG);
    config.measures[0]!.numerator = "readmitted = 'Y'";
    const err = await failure(project({ rows, config }));
    expect(err.code).toBe('invalid_config');
    expect(err.details).toMatchObject({ path: 'measures[0].numerator', column: 'readmitted' });
    expect(err.message).toContain('holds only true/false');
    expect(err.details.fix).toContain("readmitted = 'true'");
  });

  it('warns when a compared literal is in no row', async () => {
    const config = structuredClone(CONFIG);
    config.measures[0]!.numerator = "readmitted = '<3O'"; // a letter O
    const r = await run(project({ config }));
    expect(r.warnings.find((w) => w.code === 'literal_never_matches')).toMatchObject({
      path: 'measures[0].numerator',
      column: 'readmitted',
    });
  });
});

describe('files that cannot be read say why, in terms of the file', () => {
  it('a tab-separated file read as CSV', async () => {
    const tsv = [HEADER, ...ROWS].map((l) => l.replace(/,/g, '\t')).join('\n');
    const err = await failure(project({ raw: Buffer.from(tsv) }));
    expect(err.message).toMatch(/looks tab-separated/);
    expect(err.details).toMatchObject({ line: 1, path: 'sources[].delimiter' });
    expect(err.details.fix).toContain('type: tsv');
  });

  it('a semicolon-separated file read as CSV', async () => {
    const text = [HEADER, ...ROWS].map((l) => l.replace(/,/g, ';')).join('\n');
    const err = await failure(project({ raw: Buffer.from(text) }));
    expect(err.message).toMatch(/looks semicolon-separated/);
    expect(err.details.fix).toContain('delimiter: ";"');
  });

  it('duplicate column names', async () => {
    const err = await failure(project({ header: `${HEADER},race`, rows: ROWS.map((r) => `${r},B`) }));
    expect(err.message).toContain('two columns named "race" (columns 4 and 10');
    expect(err.details).toMatchObject({ line: 1, column: 'race' });
  });
});
