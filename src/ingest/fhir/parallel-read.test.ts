/**
 * Reading on worker threads gives what reading on one thread gives: the same tables, rejections (file and
 * line), counts and warnings. Small chunks (a few hundred bytes) make every file several tasks, so lines are
 * numbered across chunk boundaries, duplicate Patients fall in different tasks, a line longer than a chunk
 * grows its chunk, and Bundles and gzip files are whole-file tasks beside them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPaths, type Loaded } from './__fixtures__/load-fixture.js';
import { CLINICAL_TABLES } from '../../model/clinical.js';
import { fhirLoader } from './index.js';
import { sharedData } from '../../../test/support/needs.js';

const FIX = join(import.meta.dirname, '__fixtures__');
const SYNTHEA = join(import.meta.dirname, '../../../../shared/data/synthea-qicore-ca-ny');

const oneThread = fhirLoader({ threads: 1, chunkBytes: 1 << 20, parallelFrom: 0 });
const workers = fhirLoader({ threads: 2, chunkBytes: 700, parallelFrom: 0 });

const TABLES = ['patients', 'rejections', 'unmapped', ...Object.keys(CLINICAL_TABLES)];

/** Every table's rows (sorted, as JSON) and the load result. */
async function snapshot(db: Loaded): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { result: db.result };
  for (const t of TABLES) {
    const rows = await db.all(`SELECT * FROM ds.${t}`);
    out[t] = rows
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)))
      .sort();
  }
  return out;
}

const L = 'http://loinc.org';
const US = 'http://hl7.org/fhir/us/core/StructureDefinition/';
const subject = (id: string) => ({ reference: `Patient/${id}` });
const code = (system: string, c: string) => ({ coding: [{ system, code: c }] });

/** A messy bulk export: bad lines, CRLF, blank lines, duplicates, orphans, panels, a long line, gzip. */
function writeExport(dir: string): void {
  const patient = (id: string, race: string, name: string) =>
    JSON.stringify({
      resourceType: 'Patient',
      id,
      name: [{ text: name }],
      extension: [
        {
          url: `${US}us-core-race`,
          extension: [
            { url: 'ombCategory', valueCoding: { system: 'urn:oid:2.16.840.1.113883.6.238', code: race } },
          ],
        },
      ],
      gender: 'female',
      birthDate: '1970-06-15',
      communication: [{ language: { text: 'Klingon' } }],
    });
  const patients = [
    patient('a1', '2106-3', 'Zoë Ångström'),
    '',
    '{"resourceType": "Patient", "id": "bad',
    patient('a2', '2054-5', '李小龍'),
    '{"resourceType": "Pateint", "id": "x"}',
    '   ',
    '{"resourceType": "Patient", "gender": "male"}',
    patient('a3', '9999-9', 'Émile'),
    patient('a1', '2028-9', 'duplicate of a1'),
    patient('a4', '2106-3', 'x'.repeat(2500)), // longer than a chunk
    patient('a5', '1002-5', 'Ngā'),
  ];
  writeFileSync(join(dir, 'Patient.000.ndjson'), patients.join('\r\n') + '\r\n');
  writeFileSync(
    join(dir, 'Patient.001.ndjson'),
    [patient('a6', '2106-3', 'b'), patient('a2', '2106-3', 'dup')].join('\n'),
  );
  const obs = [
    {
      resourceType: 'Observation',
      id: 'panel',
      code: code(L, '96777-8'),
      subject: subject('a1'),
      effectiveDateTime: '2024-02-01',
      hasMember: [{ reference: 'Observation/m1' }, { reference: 'Observation/m2' }],
    },
    {
      resourceType: 'Observation',
      id: 'm1',
      code: code(L, '71802-3'),
      subject: subject('a1'),
      effectiveDateTime: '2024-02-01',
      valueCodeableConcept: code(L, 'LA31993-1'),
    },
    {
      resourceType: 'Observation',
      id: 'm2',
      code: code(L, '93030-5'),
      subject: subject('a1'),
      effectiveDateTime: '2024-02-01',
      valueCodeableConcept: code(L, 'LA33-6'),
    },
    {
      resourceType: 'Observation',
      id: 'orphan',
      code: code(L, '4548-4'),
      subject: subject('nobody'),
      valueQuantity: { value: 7.2, unit: '%' },
    },
    { resourceType: 'Observation', id: 'nocode', subject: subject('a2') },
    {
      resourceType: 'Observation',
      id: 'gi',
      code: code(L, '76691-5'),
      subject: subject('a2'),
      effectiveDateTime: '2023-01-01',
      valueCodeableConcept: code('http://snomed.info/sct', '446141000124107'),
    },
    {
      resourceType: 'Observation',
      id: 'prapare',
      code: code(L, '93025-5'),
      subject: subject('a3'),
      effectiveDateTime: '2024-03-01',
      component: [
        { code: code(L, '93031-3'), valueCodeableConcept: code(L, 'LA30125-1') },
        { code: code(L, '76501-6'), valueCodeableConcept: code(L, 'LA32-8') },
      ],
    },
  ].map((o) => JSON.stringify(o));
  obs.splice(3, 0, 'not json at all');
  writeFileSync(join(dir, 'Observation.ndjson'), obs.join('\n')); // no final newline
  const qr = {
    resourceType: 'QuestionnaireResponse',
    id: 'qr1',
    questionnaire: 'http://example.org/Questionnaire/ahc-hrsn',
    subject: subject('a5'),
    authored: '2024-05-01',
    item: [
      {
        linkId: '/71802-3',
        answer: [{ valueCoding: { system: L, code: 'LA31993-1', display: 'I have a steady place' } }],
      },
    ],
  };
  writeFileSync(join(dir, 'QuestionnaireResponse.ndjson'), JSON.stringify(qr) + '\n');
  const coverage = {
    resourceType: 'Coverage',
    id: 'c1',
    beneficiary: subject('a4'),
    type: { coding: [{ system: 'urn:oid:2.16.840.1.113883.3.221.5', code: '2' }] },
    period: { start: '2020-01-01' },
  };
  const claim = { resourceType: 'Claim', id: 'cl1', patient: subject('a4') };
  writeFileSync(
    join(dir, 'Coverage.ndjson.gz'),
    gzipSync([coverage, claim].map((o) => JSON.stringify(o)).join('\n')),
  );
  mkdirSync(join(dir, 'bundles'));
  copyFileSync(join(FIX, 'bundle-demo.json'), join(dir, 'bundles', 'bundle-demo.json'));
  for (const f of readdirSync(join(FIX, 'bulk')))
    copyFileSync(join(FIX, 'bulk', f), join(dir, 'bundles', `k-${f}`));
}

describe('reading on worker threads', () => {
  let dir: string;
  let one: Loaded;
  let par: Loaded;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'equilens-fhir-par-'));
    writeExport(dir);
    one = await loadPaths([dir], { as_of: '2025-01-01' }, oneThread);
    par = await loadPaths([dir], { as_of: '2025-01-01' }, workers);
  });
  afterAll(async () => {
    await one?.close();
    await par?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads exactly what one thread loads: tables, rejections, counts and warnings', async () => {
    const a = await snapshot(one);
    const b = await snapshot(par);
    expect((a.patients as string[]).length).toBeGreaterThan(5);
    expect((a.sdoh_screenings as string[]).length).toBeGreaterThan(2);
    expect(b).toEqual(a);
  });

  it('names the file and line of a malformed line, across chunks and files', async () => {
    const rows = await par.all<{ file: string; line: number; column_name: string | null; reason: string }>(
      'SELECT file, line, column_name, reason FROM ds.rejections ORDER BY file, line',
    );
    const short = rows.map((r) => [r.file.split('/').pop(), r.line, r.column_name]);
    expect(short).toEqual(
      expect.arrayContaining([
        ['Observation.ndjson', 4, null],
        ['Observation.ndjson', 5, 'subject.reference'],
        ['Observation.ndjson', 6, 'code'],
        ['Patient.000.ndjson', 3, null],
        ['Patient.000.ndjson', 5, 'resourceType'],
        ['Patient.000.ndjson', 7, 'id'],
        ['Patient.000.ndjson', 9, 'id'],
        ['Patient.001.ndjson', 2, 'id'],
      ]),
    );
    expect(rows.find((r) => r.line === 4 && r.file.endsWith('Observation.ndjson'))!.reason).toMatch(
      /not valid JSON/,
    );
    const files = Object.fromEntries(par.result.files.map((f) => [f.file.split('/').pop(), f]));
    expect(files['Patient.000.ndjson']).toMatchObject({ read: 9, rejected: 4 });
  });
});

describe.skipIf(!sharedData('synthea-qicore-ca-ny'))('reading the Synthea bundles on worker threads', () => {
  it('loads exactly what one thread loads', async () => {
    const folders = ['california', 'new_york'].map((s) => join(SYNTHEA, s, 'fhir'));
    const opts = { as_of: '2025-07-28' };
    const many = fhirLoader({ threads: 2, chunkBytes: 1 << 16, parallelFrom: 0 });
    const a = await loadPaths(folders, opts, oneThread);
    const b = await loadPaths(folders, opts, many);
    try {
      expect(await snapshot(b)).toEqual(await snapshot(a));
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('a reader worker that fails', () => {
  it('fails the load as reading on one thread does (a corrupt gzip file), and leaves no worker behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'equilens-fhir-bad-'));
    try {
      const good = gzipSync(JSON.stringify({ resourceType: 'Patient', id: 'z1' }) + '\n');
      writeFileSync(
        join(dir, 'Patient.ndjson.gz'),
        Buffer.concat([good.subarray(0, 12), Buffer.from('not gzip')]),
      );
      writeFileSync(join(dir, 'Observation.ndjson'), JSON.stringify({ resourceType: 'Patient', id: 'z2' }));
      const one = await loadPaths([dir], {}, oneThread).then(
        () => undefined,
        (err: unknown) => err as Error & { code?: string },
      );
      const par = await loadPaths([dir], {}, workers).then(
        () => undefined,
        (err: unknown) => err as Error & { code?: string },
      );
      expect(one?.code).toBeTruthy();
      expect(par).toMatchObject({ code: one!.code, message: one!.message });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
