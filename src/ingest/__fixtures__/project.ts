/** Test helper: a temp folder with an extract and an equilens.yaml mapping it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export const HEADER = 'pid,enc,date,race,eth,sex,payer,readmitted,disp';

/** Rows: people p1..p4; p1's race disagrees (B twice, W once), p2's sex ties (F then M: last row wins). */
export const ROWS = [
  'p1,e1,2024-01-05,B,N,F,MCR,<30,1',
  'p1,e2,2024-02-05,B,N,F,MCR,NO,1',
  'p1,e3,2024-03-05,W,N,F,MCR,NO,11',
  'p2,e4,2024-04-05,ASKU,ASKU,F,ZZZ,<30,1',
  'p2,e5,2024-05-05,,,M,ZZZ,>30,1',
  'p3,e6,2024-06-05,?,,,COM,NO,1',
  'p4,e7,2024-07-05,,,U,,<30,1',
];

export const CONFIG = {
  project: { name: 'Test' },
  sources: [{ name: 'extract', type: 'csv', path: 'extract.csv' }],
  mapping: {
    patient_id: 'pid',
    unit_id: 'enc',
    event_date: 'date',
    attributes: {
      race: { column: 'race', values: { B: '2054-5', W: '2106-3', ASKU: 'declined', '?': 'unknown' } },
      ethnicity: { column: 'eth', values: { N: '2186-5', H: '2135-2', ASKU: 'declined' } },
      sex: { column: 'sex', values: { F: 'female', M: 'male', U: 'unknown' } },
      payer: { column: 'payer', values: { MCR: 'medicare', COM: 'commercial' } },
    },
  },
  measures: [
    {
      id: 'readmit30',
      title: 'Readmission',
      direction: 'lower_is_better',
      numerator: "readmitted = '<30'",
      exclusions: "disp in ('11', '13')",
    },
  ],
};

export function project(
  opts: { rows?: string[]; header?: string; config?: Record<string, unknown>; file?: string; raw?: Buffer } = {},
): { dir: string; config: string; data: string; workspace: string } {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-ingest-'));
  const file = opts.file ?? 'extract.csv';
  const data = join(dir, file);
  writeFileSync(data, opts.raw ?? `${[opts.header ?? HEADER, ...(opts.rows ?? ROWS)].join('\n')}\n`);
  const config = join(dir, 'equilens.yaml');
  writeFileSync(config, stringify(opts.config ?? CONFIG));
  return { dir, config, data, workspace: join(dir, 'ws') };
}
