import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../engine/workspace.js';
import { project } from '../__fixtures__/project.js';
import { ingest } from '../index.js';

const config = (rule: string) => ({
  project: { name: 'T' },
  sources: [{ name: 'x', type: 'csv', path: 'extract.csv' }],
  mapping: {
    patient_id: 'pid',
    conflict_rule: rule,
    attributes: {
      age_band: { column: 'age' },
      language: { column: 'lang' },
      interpreter_needed: { column: 'interp', values: { Y: 'yes', N: 'no' } },
      zip: { column: 'zip' },
      housing: { column: 'housing', values: { A: 'Apartment', H: 'House' } },
    },
  },
  measures: [
    { id: 'm', title: 'M', direction: 'higher_is_better', unit: 'patient', numerator: "age = '[70-80)'" },
  ],
});

async function load(rule: string) {
  const p = project({
    header: 'pid,age,lang,interp,zip,housing',
    rows: [
      'p1,[60-70),es,N,60601,A',
      'p1,[70-80),en,N,60602,H',
      'p1,[70-80),en,N,60602,A',
      'p2,[90-100),en,Y,,Q',
    ],
    config: config(rule),
  });
  const r = await ingest({ configPath: p.config, workspace: p.workspace });
  const ws = await openWorkspace(p.workspace);
  const rows = await ws.engine.all(
    `SELECT patient_id, age_band, language, limited_english, interpreter_needed, zip, housing, conflicts FROM ds_1.patients ORDER BY 1`,
  );
  const units = await ws.engine.all(`SELECT unit_id, in_numerator FROM ds_1.measure_rows ORDER BY 1`);
  await ws.close();
  return { r, rows, units };
}

describe('attribute kinds (rows worked by hand)', () => {
  it('age band is time-varying (latest row, no conflict); language, interpreter, zip and custom attributes resolve by rule', async () => {
    const { r, rows, units } = await load('most_frequent');
    expect(rows).toEqual([
      {
        patient_id: 'p1',
        age_band: '70-79',
        language: 'English', // en twice, es once
        limited_english: 'No',
        interpreter_needed: false,
        zip: '60602',
        housing: 'Apartment', // A twice
        conflicts: ['language', 'zip', 'housing'],
      },
      {
        patient_id: 'p2',
        age_band: '90+',
        language: 'English',
        limited_english: 'Yes', // interpreter needed
        interpreter_needed: true,
        zip: 'Missing',
        housing: 'Unknown', // Q is not in the value map
        conflicts: [],
      },
    ]);
    expect(r.reconciliation.unmapped).toEqual([
      { attribute: 'housing', column: 'housing', code: 'Q', rows: 1 },
    ]);
    // unit patient: one unit per person, numerator when any row matches
    expect(units).toEqual([
      { unit_id: 'p1', in_numerator: true },
      { unit_id: 'p2', in_numerator: false },
    ]);
  });

  it('conflict_rule first / last pick the first / last known row', async () => {
    const first = await load('first');
    expect(first.rows[0]).toMatchObject({
      language: 'Spanish',
      zip: '60601',
      housing: 'Apartment',
      limited_english: 'Yes',
    });
    const last = await load('last');
    expect(last.rows[0]).toMatchObject({ language: 'English', zip: '60602', housing: 'Apartment' });
  });
});
