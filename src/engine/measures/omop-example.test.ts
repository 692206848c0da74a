import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/index.js';
import { ingest } from '../../ingest/index.js';
import { sharedData } from '../../../test/support/needs.js';

// examples/omop-eunomia end to end: ingest (OMOP loader + library measures) then analyze. Expected counts:
// examples/omop-eunomia/README.md (screening counts checked against direct CSV counts in eunomia.test.ts).
describe.skipIf(!sharedData('omop-synthea27nj-eunomia/PERSON.csv.gz'))(
  'examples/omop-eunomia end to end',
  () => {
    it('ingests the Eunomia CDM and analyses the library measures for 2021', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'equilens-omop-example-'));
      try {
        const configPath = 'examples/omop-eunomia/equilens.yaml';
        const r = await ingest({ configPath, workspace: join(dir, 'ws') });
        expect(r.dataset.patients).toBe(28);
        expect(r.reconciliation.read).toBe(r.reconciliation.loaded + r.reconciliation.rejected);
        expect(r.warnings.map((w) => w.code)).toContain('omop_sdoh_unanswered');
        const results = await analyze({ configPath, workspace: join(dir, 'ws'), out: join(dir, 'out') });
        const overall = Object.fromEntries(
          results.measures.map((m) => [m.id, [m.overall.numerator, m.overall.denominator]]),
        );
        expect(overall).toMatchObject({
          cbp: [4, 5],
          'hba1c-poor-control': [0, 1],
          'sdoh-screening': [0, 19],
          'tobacco-screening': [14, 19],
          'readmission-30d': [0, 1],
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
