import { rmSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG, project } from './__fixtures__/project.js';
import { ingest } from './index.js';

const workforce = (grade: string) => ({
  source: { name: 'hr', type: 'csv', path: 'hr.csv' },
  mapping: { employee_id: 'EmpNo', level: grade, pay: 'Salary' },
});

describe("a patient dataset's content hash and the workforce: section", () => {
  const p = project({ config: { ...CONFIG, workforce: workforce('Grade') } });
  afterAll(() => rmSync(p.dir, { recursive: true, force: true }));

  it('editing only the workforce mapping leaves the patient data unchanged; editing the mapping does not', async () => {
    expect((await ingest({ configPath: p.config, workspace: p.workspace })).dataset.version).toBe(1);
    writeFileSync(p.config, stringify({ ...CONFIG, workforce: workforce('Level') }));
    const same = await ingest({ configPath: p.config, workspace: p.workspace });
    expect(same.unchanged?.since).toBe(1);
    const mapping = { ...CONFIG.mapping, unit_id: undefined };
    writeFileSync(p.config, stringify({ ...CONFIG, mapping, workforce: workforce('Level') }));
    const changed = await ingest({ configPath: p.config, workspace: p.workspace });
    expect(changed.unchanged).toBeUndefined();
    expect(changed.dataset.version).toBe(2);
  });
});
