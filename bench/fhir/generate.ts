/**
 * A synthetic FHIR R4 bulk export (NDJSON, one file per type, split every 250,000 lines): per patient one
 * Patient (US Core race/ethnicity/birth sex, language, address with geolocation), 3 Encounters, a BP panel
 * with components, an HbA1c, a BMI, a PRAPARE Observation with components (Synthea's form), a Condition and
 * a Procedure — 10 resources. Deterministic (seeded), no real data.
 */
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const RACES = ['2106-3', '2106-3', '2106-3', '2054-5', '2028-9', '1002-5', '2076-8'];
const LANGS = ['en-US', 'en-US', 'en-US', 'en-US', 'es', 'vi', 'zh'];
const L = 'http://loinc.org';
const CDC = 'urn:oid:2.16.840.1.113883.6.238';
const US = 'http://hl7.org/fhir/us/core/StructureDefinition/';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

const cc = (system: string, code: string, display?: string) => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});
const date = (r: () => number, from = 2019, span = 6): string => {
  const d = new Date(Date.UTC(from + Math.floor(r() * span), Math.floor(r() * 12), 1 + Math.floor(r() * 28)));
  return d.toISOString();
};

class Writer {
  private fd = -1;
  private lines = 0;
  private part = 0;
  private buf: string[] = [];
  constructor(
    private readonly dir: string,
    private readonly type: string,
  ) {}
  write(o: unknown): void {
    if (this.fd < 0 || this.lines >= 250_000) this.open();
    this.buf.push(JSON.stringify(o));
    this.lines++;
    if (this.buf.length >= 2000) this.flush();
  }
  private open(): void {
    this.flush();
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = openSync(join(this.dir, `${this.type}.${String(this.part++).padStart(3, '0')}.ndjson`), 'w');
    this.lines = 0;
  }
  flush(): void {
    if (this.buf.length && this.fd >= 0) writeSync(this.fd, this.buf.join('\n') + '\n');
    this.buf = [];
  }
  close(): void {
    this.flush();
    if (this.fd >= 0) closeSync(this.fd);
  }
}

/** Generate (once) an export of about `resources` resources; returns its folder. */
/** The config both the bench and the profiler load the generated export with (before schema parsing). */
export function benchConfig(dir: string): Record<string, unknown> {
  return {
    project: { name: 'bench' },
    sources: [{ name: 'bulk', type: 'fhir', path: dir, as_of: '2025-01-01' }],
    mapping: { patient_id: 'id' },
  };
}

export function generateExport(root: string, resources: number): string {
  const patients = Math.max(1, Math.round(resources / 10));
  const dir = join(root, `fhir-${patients * 10}`);
  if (existsSync(join(dir, 'DONE'))) return dir;
  mkdirSync(dir, { recursive: true });
  const r = rng(20240806);
  const w = Object.fromEntries(
    ['Patient', 'Encounter', 'Observation', 'Condition', 'Procedure'].map((t) => [t, new Writer(dir, t)]),
  ) as Record<string, Writer>;
  for (let i = 0; i < patients; i++) {
    const pid = `p${i}`;
    const race = RACES[Math.floor(r() * RACES.length)]!;
    w.Patient!.write({
      resourceType: 'Patient',
      id: pid,
      extension: [
        {
          url: `${US}us-core-race`,
          extension: [
            { url: 'ombCategory', valueCoding: { system: CDC, code: race } },
            { url: 'text', valueString: 'race' },
          ],
        },
        {
          url: `${US}us-core-ethnicity`,
          extension: [
            { url: 'ombCategory', valueCoding: { system: CDC, code: r() < 0.15 ? '2135-2' : '2186-5' } },
          ],
        },
        { url: `${US}us-core-birthsex`, valueCode: r() < 0.5 ? 'F' : 'M' },
      ],
      gender: r() < 0.5 ? 'female' : 'male',
      birthDate: date(r, 1930, 90).slice(0, 10),
      communication: [{ language: cc('urn:ietf:bcp:47', LANGS[Math.floor(r() * LANGS.length)]!) }],
      address: [
        {
          city: 'Wichita',
          state: 'KS',
          postalCode: String(67000 + Math.floor(r() * 999)),
          extension: [
            {
              url: 'http://hl7.org/fhir/StructureDefinition/geolocation',
              extension: [
                { url: 'latitude', valueDecimal: 37 + r() * 2.9 },
                { url: 'longitude', valueDecimal: -101.9 + r() * 7.2 },
              ],
            },
          ],
        },
      ],
    });
    const subject = { reference: `Patient/${pid}` };
    for (let e = 0; e < 3; e++) {
      const start = date(r);
      w.Encounter!.write({
        resourceType: 'Encounter',
        id: `${pid}-e${e}`,
        status: 'finished',
        class: { code: r() < 0.1 ? 'EMER' : 'AMB' },
        type: [cc('http://snomed.info/sct', '185349003')],
        subject,
        period: { start, end: start },
      });
    }
    const eff = date(r);
    const enc = { reference: `Encounter/${pid}-e0` };
    w.Observation!.write({
      resourceType: 'Observation',
      id: `${pid}-bp`,
      status: 'final',
      code: cc(L, '85354-9'),
      subject,
      encounter: enc,
      effectiveDateTime: eff,
      component: [
        { code: cc(L, '8480-6'), valueQuantity: { value: 100 + Math.round(r() * 70), unit: 'mm[Hg]' } },
        { code: cc(L, '8462-4'), valueQuantity: { value: 60 + Math.round(r() * 40), unit: 'mm[Hg]' } },
      ],
    });
    w.Observation!.write({
      resourceType: 'Observation',
      id: `${pid}-a1c`,
      status: 'final',
      code: cc(L, '4548-4'),
      subject,
      effectiveDateTime: eff,
      valueQuantity: { value: Math.round((5 + r() * 6) * 10) / 10, unit: '%' },
    });
    w.Observation!.write({
      resourceType: 'Observation',
      id: `${pid}-bmi`,
      status: 'final',
      code: cc(L, '39156-5'),
      subject,
      effectiveDateTime: eff,
      valueQuantity: { value: Math.round((18 + r() * 22) * 10) / 10, unit: 'kg/m2' },
    });
    const ans = (q: string, a: string) => ({ code: cc(L, q), valueCodeableConcept: cc(L, a) });
    w.Observation!.write({
      resourceType: 'Observation',
      id: `${pid}-prapare`,
      status: 'final',
      code: cc(L, '93025-5'),
      subject,
      effectiveDateTime: eff,
      component: [
        ans('71802-3', r() < 0.05 ? 'LA30190-5' : 'LA30189-7'),
        ans('93030-5', r() < 0.2 ? 'LA30133-5' : 'LA32-8'),
        ans('93031-3', r() < 0.2 ? 'LA30125-1' : 'LA30122-8'),
        ans('93026-3', 'LA33-6'),
        ans('76501-6', 'LA32-8'),
      ],
    });
    w.Condition!.write({
      resourceType: 'Condition',
      id: `${pid}-c0`,
      subject,
      code: cc('http://snomed.info/sct', r() < 0.3 ? '59621000' : '44054006'),
      onsetDateTime: date(r, 2000, 20),
    });
    w.Procedure!.write({
      resourceType: 'Procedure',
      id: `${pid}-pr0`,
      status: 'completed',
      subject,
      code: cc('http://snomed.info/sct', '171207006'),
      performedDateTime: eff,
    });
  }
  for (const x of Object.values(w)) x.close();
  writeFileSync(join(dir, 'DONE'), String(patients * 10));
  return dir;
}
