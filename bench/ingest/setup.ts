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
