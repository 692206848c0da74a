/**
 * Test helper: `equilens synth` data in a workspace without the ingest layer. Generates the extract with
 * src/synth and loads it into the canonical tables with DuckDB SQL, mapping local codes through the same
 * code tables the generator used (src/synth/vocabulary.ts) and race/ethnicity through the model's CDC
 * derivation. Only the attributes the simulation tests need: race_ethnicity, sex, payer, disability, the
 * HRSN domains, site; measure rows for every measure (Y/N = in the denominator, Y = numerator).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveRaceEthnicity } from '../../../model/vocab/index.js';
import { HRSN_DOMAINS } from '../../../model/index.js';
import { generate, type SynthSpec, type Truth } from '../../../synth/index.js';
import { HRSN_CODES, PAYER_CODES, SEX_CODES, YES_NO_CODES, type LocalCode } from '../../../synth/vocabulary.js';
import { quoteLiteral as q } from '../../dialect.js';
import { createDatasetVersion, type DatasetVersion, type Workspace } from '../../workspace.js';

const lookup = (codes: Record<string, LocalCode>): string =>
  `(VALUES ${Object.values(codes)
    .map((c) => `(${q(c.local)}, ${q(c.label)})`)
    .join(', ')})`;

/** `CASE col WHEN local THEN label … ELSE 'Unknown' END` with empty cells (NULL in read_csv) as the '' code. */
const mapped = (col: string, codes: Record<string, LocalCode>): string =>
  `(SELECT l.label FROM ${lookup(codes)} l(local, label) WHERE l.local = COALESCE(e.${col}, ''))`;

export async function synthDataset(
  ws: Workspace,
  spec: SynthSpec,
  opts: { seed: number; patients: number },
): Promise<{ dataset: DatasetVersion; truth: Truth }> {
  const out = mkdtempSync(join(tmpdir(), 'equilens-synth-'));
  const gen = await generate(spec, { seed: opts.seed, patients: opts.patients, out });
  const measures = gen.truth.measures.map((m) => m.id);
  const dataset = await createDatasetVersion(
    ws.engine,
    { contentHash: `synth${opts.seed}`.padEnd(16, '0'), rows: { read: gen.rows, loaded: gen.rows, rejected: 0 } },
    async (schema, tx) => {
      await tx.run(`CREATE TEMP TABLE ex AS SELECT * FROM read_csv(${q(gen.files.extract)}, header = true, all_varchar = true)`);
      const combos = await tx.all<{ race: string | null; ethnicity: string | null }>(
        'SELECT DISTINCT race, ethnicity FROM ex',
      );
      await tx.run('CREATE TEMP TABLE re_map (race VARCHAR, ethnicity VARCHAR, label VARCHAR)');
      for (const c of combos) {
        const label = deriveRaceEthnicity({
          raceCodes: (c.race ?? '').split(';').filter(Boolean),
          ethnicityCodes: (c.ethnicity ?? '').split(';').filter(Boolean),
        }).race_ethnicity;
        await tx.run('INSERT INTO re_map VALUES ($1, $2, $3)', [c.race ?? '', c.ethnicity ?? '', label]);
      }
      const hrsn = HRSN_DOMAINS.map((d) => `${mapped(`sdoh_${d}`, HRSN_CODES)} AS hrsn_${d}`).join(',\n');
      await tx.run(`INSERT INTO ${schema}.patients (patient_id, race_ethnicity, sex, payer, disability, ${HRSN_DOMAINS.map((d) => `hrsn_${d}`).join(', ')})
        SELECT e.patient_id, m.label, ${mapped('sex', SEX_CODES)}, ${mapped('payer', PAYER_CODES)},
          ${mapped('disability', YES_NO_CODES)}, ${hrsn}
        FROM (SELECT * FROM ex QUALIFY row_number() OVER (PARTITION BY patient_id ORDER BY encounter_id) = 1) e
        LEFT JOIN re_map m ON m.race = COALESCE(e.race, '') AND m.ethnicity = COALESCE(e.ethnicity, '')`);
      for (const id of measures)
        await tx.run(`INSERT INTO ${schema}.measure_rows (patient_id, unit_id, measure_id, event_date, in_denominator, in_numerator, excluded, department, site)
          SELECT patient_id, encounter_id, ${q(id)}, CAST(encounter_date AS DATE), true, "${id}" = 'Y', false, department, site
          FROM ex WHERE "${id}" IN ('Y', 'N')`);
      await tx.run('DROP TABLE ex; DROP TABLE re_map');
    },
  );
  return { dataset, truth: gen.truth };
}
