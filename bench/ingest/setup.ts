/** The bench extract (generated once into bench/.data, gitignored) and its config: shared by run.ts and profile.ts. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { openDuckDB } from '../../src/engine/duckdb/duckdb-driver.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '.data');

export const benchFile = (rows: number): string => join(dataDir, `ingest-${rows}.csv`);

export async function generate(rows: number): Promise<string> {
  const file = benchFile(rows);
  if (existsSync(file)) return file;
  mkdirSync(dataDir, { recursive: true });
  const engine = await openDuckDB();
  const pick = (list: string[], seed: string) =>
    `([${list.map((v) => `'${v}'`).join(', ')}])[1 + CAST(hash(${seed}) % ${list.length} AS INTEGER)]`;
  await engine.run(`COPY (
    SELECT 'P' || lpad(CAST(i // 10 AS VARCHAR), 9, '0') AS patient_id,
      'E' || lpad(CAST(i AS VARCHAR), 10, '0') AS encounter_id,
      CAST(DATE '2020-01-01' + CAST(i % 1461 AS INTEGER) AS VARCHAR) AS encounter_date,
      CASE WHEN i % 97 = 0 THEN 'W' ELSE ${pick(['W', 'B', 'A', 'H', 'O', 'U', 'D', ''], 'i // 10')} END AS race,
      ${pick(['H', 'N', 'N', 'N', 'D', ''], 'i // 10 + 1')} AS ethnicity,
      ${pick(['F', 'M', 'F', 'M', 'U'], 'i // 10 + 2')} AS sex,
      ${pick(['MCR', 'MCD', 'COM', 'SP', 'OTH', '?'], 'i // 10 + 3')} AS payer,
      CAST(1900 + CAST(hash(i // 10 + 4) % 120 AS INTEGER) AS VARCHAR) || '-06-15' AS birth_date,
      lpad(CAST(60600 + CAST(hash(i // 10 + 5) % 80 AS INTEGER) AS VARCHAR), 5, '0') AS zip,
      ${pick(['<30', '>30', 'NO', 'NO', 'NO'], 'i + 6')} AS readmitted,
      CAST(1 + CAST(hash(i + 7) % 25 AS INTEGER) AS VARCHAR) AS discharge_disposition_id,
      CAST(1 + CAST(hash(i + 8) % 14 AS INTEGER) AS VARCHAR) AS los
    FROM range(${rows}) t(i)
  ) TO '${file}' (HEADER)`);
  await engine.close();
  return file;
}

export function benchConfig(dir: string, file: string): string {
  const path = join(dir, 'equilens.yaml');
  const config = {
    project: { name: 'bench' },
    sources: [{ name: 'extract', type: 'csv', path: file }],
    mapping: {
      patient_id: 'patient_id',
      unit_id: 'encounter_id',
      event_date: 'encounter_date',
      attributes: {
        race: {
          column: 'race',
          values: {
            W: '2106-3',
            B: '2054-5',
            A: '2028-9',
            H: '2135-2',
            O: '2131-1',
            U: 'unknown',
            D: 'declined',
          },
        },
        ethnicity: { column: 'ethnicity', values: { H: '2135-2', N: '2186-5', D: 'declined' } },
        sex: { column: 'sex', values: { F: 'female', M: 'male', U: 'unknown' } },
        payer: {
          column: 'payer',
          values: { MCR: 'medicare', MCD: 'medicaid', COM: 'commercial', SP: 'selfPay', OTH: 'other' },
        },
        birth_date: { column: 'birth_date' },
        zip: { column: 'zip' },
      },
    },
    measures: [
      {
        id: 'readmit30',
        title: '30-day readmission',
        direction: 'lower_is_better',
        numerator: "readmitted = '<30'",
        exclusions: 'discharge_disposition_id in (11, 13, 14, 19, 20, 21)',
        value: 'los',
      },
    ],
  };
  writeFileSync(path, stringify(config));
  return path;
}

/**
 * The bench extract with malformed lines (generated once beside it): every 100,000th line short, every
 * 100,000th (offset 50,000) with a field too many, and one quote never closed in the middle of the file,
 * which makes the reader re-read the lines after it. For the cost of accounting for bad rows.
 */
export async function generateMessy(rows: number): Promise<{ file: string; bad: number }> {
  const clean = await generate(rows);
  const file = clean.replace(/\.csv$/, '-messy.csv');
  const short = Math.floor((rows - 1) / 100_000) + 1;
  const long = rows > 50_000 ? Math.floor((rows - 50_001) / 100_000) + 1 : 0;
  const bad = short + long + 1;
  if (existsSync(file)) return { file, bad };
  const engine = await openDuckDB();
  // Lines as text (no quoting, a delimiter that never occurs), numbered from the first data line (n = 1).
  await engine.run(`COPY (
    SELECT CASE WHEN n % 100000 = 1 THEN split_part(l, ',', 1) || ',' || split_part(l, ',', 2)
      WHEN n % 100000 = 50001 THEN l || ',extra'
      WHEN n = ${Math.floor(rows / 2) + 7} THEN regexp_replace(l, ',', ',"')
      ELSE l END
    FROM (SELECT l, row_number() OVER () - 1 AS n FROM read_csv('${clean}', header = false, auto_detect = false,
      columns = {'l': 'VARCHAR'}, delim = '\\x01', quote = '', escape = ''))
  ) TO '${file}' (HEADER false, QUOTE '', ESCAPE '', DELIMITER '\\x01')`);
  await engine.close();
  return { file, bad };
}
