/**
 * The worked example on real data (examples/uci-diabetes): the UCI "Diabetes 130-US hospitals" extract,
 * read from ../shared/data (skipped when absent). Expected numbers are direct DuckDB counts of the file
 * and SOURCE.md's published totals (101,766 encounters, 71,518 patients).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIO } from '../cli/io.js';
import { main } from '../cli/main.js';
import { openDuckDB } from '../engine/duckdb/duckdb-driver.js';
import type { Engine } from '../engine/dialect.js';
import { sharedData } from '../../test/support/needs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = join(ROOT, '../shared/data/uci-diabetes-130/diabetic_data.csv.gz');
const CONFIG = join(ROOT, 'examples/uci-diabetes/equilens.yaml');

describe.skipIf(!sharedData('uci-diabetes-130/diabetic_data.csv.gz'))(
  'examples/uci-diabetes on the real extract',
  () => {
    const workspace = mkdtempSync(join(tmpdir(), 'equilens-uci-'));
    let ingestJson: {
      dataset: { version: number; rows: number; patients: number };
      reconciliation: Record<string, unknown>;
    };
    let direct: Engine;
    beforeAll(async () => {
      const io = captureIO(ROOT);
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
        io,
      );
      expect(io.stderr).toBe('');
      expect(code).toBe(0);
      ingestJson = JSON.parse(io.stdout) as typeof ingestJson;
      direct = await openDuckDB();
      await direct.run(`CREATE TABLE f AS SELECT * FROM read_csv('${DATA}', all_varchar = true)`);
    });
    afterAll(() => direct?.close());

    it('reads 101,766 rows = loaded + rejected, 71,518 people', () => {
      const r = ingestJson.reconciliation as {
        read: number;
        loaded: number;
        rejected: number;
        unmapped: unknown[];
      };
      expect(r.read).toBe(101766);
      expect(r.loaded + r.rejected).toBe(101766);
      expect(r.rejected).toBe(0);
      expect(r.unmapped).toEqual([]);
      expect(ingestJson.dataset.patients).toBe(71518);
    });

    it('quality race_ethnicity, counted over people, matches a direct count of the file', async () => {
      const io = captureIO(ROOT);
      expect(
        await main(
          ['node', 'equilens', 'quality', '--config', CONFIG, '--workspace', workspace, '--format', 'json'],
          io,
        ),
      ).toBe(0);
      const report = JSON.parse(io.stdout) as {
        fields: {
          field: string;
          known: number;
          unknown: number;
          declined: number;
          missing: number;
          conflicting: number;
        }[];
      };
      const re = report.fields.find((f) => f.field === 'race_ethnicity')!;
      // A person is known when any encounter has a race other than '?' (every other value maps to a category).
      const [d] = await direct.all<{ known: number; unknown: number; conflicting: number }>(`
      SELECT COUNT(*) FILTER (WHERE known > 0) AS known, COUNT(*) FILTER (WHERE known = 0) AS unknown,
             COUNT(*) FILTER (WHERE known > 1) AS conflicting
      FROM (SELECT patient_nbr, COUNT(DISTINCT race) FILTER (WHERE race <> '?') AS known FROM f GROUP BY 1)`);
      expect(re).toMatchObject({
        known: d!.known,
        unknown: d!.unknown,
        declined: 0,
        missing: 0,
        conflicting: d!.conflicting,
      });
      expect(re.known + re.unknown).toBe(71518);
    });

    it('derives readmit30: numerator <30, death and hospice dispositions excluded', async () => {
      const { openWorkspace } = await import('../engine/workspace.js');
      const ws = await openWorkspace(workspace);
      const [ours] = await ws.engine.all<{ den: number; num: number; excl: number }>(
        `SELECT COUNT(*) FILTER (WHERE NOT excluded) AS den, COUNT(*) FILTER (WHERE in_numerator AND NOT excluded) AS num,
              COUNT(*) FILTER (WHERE excluded) AS excl FROM ds_${ingestJson.dataset.version}.measure_rows WHERE measure_id = 'readmit30'`,
      );
      await ws.close();
      const [d] = await direct.all<{ den: number; num: number; excl: number }>(`
      SELECT COUNT(*) FILTER (WHERE NOT x) AS den, COUNT(*) FILTER (WHERE NOT x AND readmitted = '<30') AS num, COUNT(*) FILTER (WHERE x) AS excl
      FROM (SELECT *, discharge_disposition_id IN ('11', '13', '14', '19', '20', '21') AS x FROM f)`);
      expect(ours).toEqual(d);
    });
  },
);
