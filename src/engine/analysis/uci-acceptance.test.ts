/**
 * Issue #4 "Done when": on the UCI example (examples/uci-diabetes), `equilens analyze --format json` writes
 * OUT/results.json whose readmit30 overall and by race_ethnicity counts, rates and Wilson limits equal a
 * direct DuckDB count of ../shared/data/uci-diabetes-130/diabetic_data.csv.gz (skipped when absent).
 * Direct count: encounters whose discharge disposition is not death/hospice (11, 13, 14, 19, 20, 21);
 * numerator readmitted = '<30'; race by the example's mapping (Caucasian → White, AfricanAmerican → Black
 * or African American, Hispanic → Hispanic or Latino, Asian, Other → Other race, ? → Unknown). Race is a
 * person attribute: a person's race is their most frequent known value over their encounters, ties to the
 * latest in file order (`mapping.conflict_rule: most_frequent`, the default), Unknown when none is known.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIO } from '../../cli/io.js';
import { main } from '../../cli/main.js';
import type { ResultsFile } from '../../model/results.js';
import { wilson } from '../../stats/index.js';
import type { Engine } from '../dialect.js';
import { openDuckDB } from '../duckdb/duckdb-driver.js';
import { sharedData } from '../../../test/support/needs.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DATA = join(ROOT, '../shared/data/uci-diabetes-130/diabetic_data.csv.gz');
const CONFIG = join(ROOT, 'examples/uci-diabetes/equilens.yaml');
const ready = Boolean(sharedData('uci-diabetes-130/diabetic_data.csv.gz'));

describe.skipIf(!ready)('equilens analyze on the UCI diabetes example', () => {
  const dir = mkdtempSync(join(tmpdir(), 'equilens-uci-analyze-'));
  let results: ResultsFile;
  let summary: { dataset: { version: number; rows: number }; files: { results: string } };
  let direct: Engine;
  beforeAll(async () => {
    const workspace = join(dir, 'ws');
    const ingest = captureIO(ROOT);
    const code = await main(
      [
        'node',
        'equilens',
        'ingest',
        '--config',
        CONFIG,
        '--data',
        DATA,
        '--workspace',
        workspace,
        '--format',
        'json',
        '--quiet',
      ],
      ingest,
    );
    expect(ingest.stderr).toBe('');
    expect(code).toBe(0);
    const io = captureIO(ROOT);
    expect(
      await main(
        [
          'node',
          'equilens',
          'analyze',
          '--config',
          CONFIG,
          '--workspace',
          workspace,
          '--out',
          join(dir, 'out'),
          '--format',
          'json',
        ],
        io,
      ),
    ).toBe(0);
    summary = JSON.parse(io.stdout) as typeof summary;
    results = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8')) as ResultsFile;
    direct = await openDuckDB();
  }, 120_000);
  afterAll(async () => direct?.close());

  const directCounts = (by: string) =>
    direct.all<{ g: string; num: number; den: number }>(`
      SELECT ${by} AS g, CAST(SUM(CASE WHEN readmitted = '<30' THEN 1 ELSE 0 END) AS BIGINT) AS num, CAST(COUNT(*) AS BIGINT) AS den
      FROM read_csv('${DATA}', all_varchar = true)
      WHERE discharge_disposition_id NOT IN ('11', '13', '14', '19', '20', '21')
      GROUP BY ALL`);

  it('prints the dataset and writes OUT/results.json', () => {
    expect(summary.dataset.rows).toBe(101766);
    expect(summary.files.results).toBe(join(dir, 'out', 'results.json'));
  });

  it('readmit30 overall equals a direct count, with Wilson limits', async () => {
    const [d] = await directCounts("'all'");
    const m = results.measures.find((x) => x.id === 'readmit30')!;
    expect([m.overall.numerator, m.overall.denominator]).toEqual([d!.num, d!.den]);
    const w = wilson(d!.num, d!.den, 0.95)!;
    expect(m.overall.rate).toBeCloseTo(d!.num / d!.den, 12);
    expect(m.overall.lower).toBeCloseTo(w.lower, 12);
    expect(m.overall.upper).toBeCloseTo(w.upper, 12);
  });

  it('readmit30 by race_ethnicity equals a direct count, with Wilson limits', async () => {
    const label = `CASE p.race WHEN 'Caucasian' THEN 'White' WHEN 'AfricanAmerican' THEN 'Black or African American'
      WHEN 'Hispanic' THEN 'Hispanic or Latino' WHEN 'Asian' THEN 'Asian' WHEN 'Other' THEN 'Other race' ELSE 'Unknown' END`;
    await direct.run(
      `CREATE OR REPLACE TABLE enc AS SELECT row_number() OVER () AS rn, * FROM read_csv('${DATA}', all_varchar = true)`,
    );
    await direct.run(`CREATE OR REPLACE TABLE person AS
      SELECT patient_nbr, race FROM (SELECT patient_nbr, race, COUNT(*) AS n, MAX(rn) AS last FROM enc WHERE race <> '?' GROUP BY 1, 2)
      QUALIFY row_number() OVER (PARTITION BY patient_nbr ORDER BY n DESC, last DESC) = 1`);
    const rows = await direct.all<{ g: string; num: number; den: number }>(`
      SELECT ${label} AS g, CAST(SUM(CASE WHEN e.readmitted = '<30' THEN 1 ELSE 0 END) AS BIGINT) AS num, CAST(COUNT(*) AS BIGINT) AS den
      FROM enc e LEFT JOIN person p USING (patient_nbr)
      WHERE e.discharge_disposition_id NOT IN ('11', '13', '14', '19', '20', '21')
      GROUP BY ALL`);
    const s = results.measures
      .find((x) => x.id === 'readmit30')!
      .strata.find((x) => x.stratifier === 'race_ethnicity' && !x.facet)!;
    expect(s.reference).toBe('White');
    expect(s.groups.map((g) => g.group).sort()).toEqual(rows.map((r) => r.g).sort());
    for (const r of rows) {
      const g = s.groups.find((x) => x.group === r.g)!;
      expect([r.g, g.numerator, g.denominator]).toEqual([r.g, r.num, r.den]);
      const w = wilson(r.num, r.den, 0.95)!;
      expect(g.lower).toBeCloseTo(w.lower, 12);
      expect(g.upper).toBeCloseTo(w.upper, 12);
    }
  });
});
