import { rmSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema.js';
import { CONFIG, project } from './__fixtures__/project.js';
import { ingest, patientConfigHash } from './index.js';

const workforce = (grade: string) => ({
  source: { name: 'hr', type: 'csv', path: 'hr.csv' },
  mapping: { employee_id: 'EmpNo', level: grade, pay: 'Salary' },
});

describe("a patient dataset's content hash and the config sections it does not read", () => {
  const p = project({ config: { ...CONFIG, workforce: workforce('Grade') } });
  afterAll(() => rmSync(p.dir, { recursive: true, force: true }));
  const again = async (config: Record<string, unknown>) => {
    writeFileSync(p.config, stringify(config));
    return ingest({ configPath: p.config, workspace: p.workspace });
  };

  it('editing the workforce:, analysis: or project sections leaves the patient data unchanged; editing the mapping does not', async () => {
    expect((await ingest({ configPath: p.config, workspace: p.workspace })).dataset.version).toBe(1);
    expect((await again({ ...CONFIG, workforce: workforce('Level') })).unchanged?.since).toBe(1);
    const analysis = { period: 'year', confidence: 0.9 };
    const project = { name: 'Another title', organisation: 'Clinic' };
    expect((await again({ ...CONFIG, project, analysis })).unchanged?.since).toBe(1);
    const mapping = { ...CONFIG.mapping, unit_id: undefined };
    const changed = await again({ ...CONFIG, mapping, workforce: workforce('Level') });
    expect(changed.unchanged).toBeUndefined();
    expect(changed.dataset.version).toBe(2);
  });
});

describe('patientConfigHash', () => {
  const hash = (edit: (c: Record<string, unknown>) => Record<string, unknown>) =>
    patientConfigHash(ConfigSchema.parse(edit(structuredClone(CONFIG))));
  const base = hash((c) => c);
  const measure = CONFIG.measures[0];

  it.each<[string, (c: Record<string, unknown>) => Record<string, unknown>]>([
    ['the project (report title)', (c) => ({ ...c, project: { name: 'Other', organisation: 'Org' } })],
    ['analysis:', (c) => ({ ...c, analysis: { period: 'month' } })],
    ['suppression:', (c) => ({ ...c, suppression: { threshold: 20, max_rse: 0.2 } })],
    ['workforce:', (c) => ({ ...c, workforce: workforce('Grade') })],
    [
      "a measure's title and description",
      (c) => ({ ...c, measures: [{ ...measure, title: 'T', description: 'D' }] }),
    ],
  ])('is the same when only %s changes', (_, edit) => {
    expect(hash(edit)).toBe(base);
  });

  it.each<[string, (c: Record<string, unknown>) => Record<string, unknown>]>([
    ['a mapping', (c) => ({ ...c, mapping: { ...CONFIG.mapping, event_date: 'enc' } })],
    ['a source', (c) => ({ ...c, sources: [{ name: 'other', type: 'csv', path: 'extract.csv' }] })],
    ["a measure's numerator", (c) => ({ ...c, measures: [{ ...measure, numerator: "readmitted = 'NO'" }] })],
  ])('changes when %s changes', (_, edit) => {
    expect(hash(edit)).not.toBe(base);
  });
});
