/** What every resource extractor gets: where the resource came from, the staging files and lookups. */
import type { StageWriter } from './stage-writer.js';
import { refId, type Json } from './fhir-json.js';

export interface Rejection {
  reason: string;
  /** JSON path of the offending element, e.g. `subject.reference`. */
  column?: string;
  /** Offending value (never a patient-level value). */
  value?: string;
}

export interface ExtractContext {
  fileIdx: number;
  line: number;
  stage: StageWriter;
  /** Resolve a Reference to the id it points at (Bundle fullUrls resolve to the entry's resource id). */
  ref(reference: unknown): string | null;
  /** Count a source code the mapping did not know. */
  unmapped(attribute: string, column: string, code: string): void;
  /** County FIPS from a point, or null when outside every county. */
  countyAt(lat: number, lon: number, state?: string | null): string | null;
  /** County FIPS from a state and county name, or null. */
  countyByName(state: string | null, name: string): string | null;
  /** Set by patientOf: the patient the current resource references (staged for the missing-patient check). */
  patientRef: { id: string; field: string } | null;
  /** Patient ids read so far; a reference to one of them needs no missing-patient check in SQL. */
  patients: Set<string>;
  /** Patients read with an id already seen (rejected as duplicates in SQL). */
  duplicatePatients: number;
  /** When set, every Patient id read is appended (a reader worker's duplicates are counted by the main thread). */
  patientIds?: string[];
}

/** An extractor stages a resource's rows, or says why it must be rejected. */
export type Extractor = (r: Json, ctx: ExtractContext) => Rejection | void;

/** A reference resolver for one file: Bundle fullUrls → resource ids, else the reference's last id. */
export function makeResolver(fullUrls: Map<string, string>): (reference: unknown) => string | null {
  return (reference) => {
    const raw =
      typeof reference === 'object' && reference !== null ? (reference as Json).reference : reference;
    if (typeof raw === 'string' && fullUrls.size) {
      const hit = fullUrls.get(raw);
      if (hit) return hit;
    }
    return refId(reference);
  };
}

/**
 * The patient a resource is about: its `field` reference (subject, patient, beneficiary), remembered for the
 * missing-patient check; a Rejection when absent. Extractors validate everything before staging rows.
 */
export function patientOf(r: Json, ctx: ExtractContext, field: string): string | Rejection {
  const id = ctx.ref(r[field]);
  if (!id)
    return {
      reason: `${String(r.resourceType)} has no ${field} reference to a Patient by id (Patient/<id> or urn:uuid:<id>), so it cannot be attributed to a person.`,
      column: `${field}.reference`,
    };
  ctx.patientRef = { id, field: `${field}.reference` };
  return id;
}
