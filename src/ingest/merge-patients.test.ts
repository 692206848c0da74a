import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../engine/workspace.js';
import { CONFIG, project } from './__fixtures__/project.js';
import { ingest } from './index.js';

// A FHIR export of the same health system, after the CSV extract in the config: it knows p2's race and
// disagrees with the extract on p1's sex; p5 is only in the export.
const race = (code: string, display: string) => ({
  url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
  extension: [
    { url: 'ombCategory', valueCoding: { system: 'urn:oid:2.16.840.1.113883.6.238', code, display } },
    { url: 'text', valueString: display },
  ],
});
const PATIENTS = [
  {
    resourceType: 'Patient',
    id: 'p1',
    gender: 'male',
    extension: [race('2054-5', 'Black or African American')],
  },
  { resourceType: 'Patient', id: 'p2', extension: [race('2106-3', 'White')] },
  { resourceType: 'Patient', id: 'p5', gender: 'female', extension: [race('2106-3', 'White')] },
];

describe('the same patient id in two sources is one person', () => {
  it('merges attributes (latest source that knows the value wins), flags disagreements, counts each unit once', async () => {
    const p = project();
    mkdirSync(join(p.dir, 'fhir'));
    writeFileSync(
      join(p.dir, 'fhir', 'Patient.ndjson'),
      PATIENTS.map((r) => JSON.stringify(r)).join('\n') + '\n',
    );
    const config = {
      ...CONFIG,
      sources: [...CONFIG.sources, { name: 'export', type: 'fhir', path: 'fhir' }],
    };
    writeFileSync(p.config, stringify(config));
    const result = await ingest({ configPath: p.config, workspace: p.workspace });
    // people p1..p5 once each; the measure is derived from the first source (its default)
    expect(result.dataset).toMatchObject({ patients: 5, measureRows: 7 });
    expect(result.warnings.map((w) => w.code)).toContain('patients_merged');
    const ws = await openWorkspace(p.workspace);
    try {
      const rows = await ws.engine.all<{
        patient_id: string;
        race: string;
        sex: string;
        conflicts: string[];
      }>(
        `SELECT patient_id, race, sex, list_sort(conflicts) AS conflicts FROM ds_1.patients WHERE patient_id IN ('p1', 'p2', 'p5') ORDER BY patient_id`,
      );
      expect(rows).toEqual([
        // first source: race B (conflicting within it), sex F; second: sex M → M (latest), sex conflict added
        { patient_id: 'p1', race: 'Black or African American', sex: 'Male', conflicts: ['race', 'sex'] },
        // first: race Declined (a status), sex M; second: race White, sex empty → White, M
        { patient_id: 'p2', race: 'White', sex: 'Male', conflicts: ['sex'] },
        { patient_id: 'p5', race: 'White', sex: 'Female', conflicts: null },
      ]);
      const joined = await ws.engine.all<{ n: number | bigint }>(
        `SELECT COUNT(*) AS n FROM ds_1.measure_rows r JOIN ds_1.patients p USING (patient_id)`,
      );
      // without the merge, p1's and p2's five units would each join twice (12)
      expect(Number(joined[0]!.n)).toBe(7);
    } finally {
      await ws.close();
    }
  });
});
