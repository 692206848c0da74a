/**
 * Read every file of a FHIR source into the staging files: one resource at a time (NDJSON line by line;
 * a Bundle file entry by entry), dispatching on resourceType. Rejected here: a line that is not JSON, a
 * resourceType that is not FHIR R4, a resource without `id`, and whatever an extractor refuses. Valid FHIR
 * resource types Equilens does not use (Claim, Organization, …) are accepted and counted as ignored.
 */
import type { FileAccount } from '../source-loader.js';
import { countyAt, countyByName } from './county.js';
import { makeResolver, type ExtractContext, type Extractor, type Rejection } from './context.js';
import { extractCondition } from './condition.js';
import { extractCoverage } from './coverage.js';
import {
  extractEncounter,
  extractImmunization,
  extractMedicationRequest,
  extractProcedure,
} from './events.js';
import { str } from './fhir-json.js';
import type { FhirInput } from './inputs.js';
import { extractObservation } from './observation.js';
import { extractPatient } from './patient.js';
import { extractQuestionnaireResponse } from './questionnaire-response.js';
import { parsed, readInputBatches, type ReadItem } from './read-files.js';
import { FHIR_R4_RESOURCE_TYPES } from './resource-types.js';
import type { Stager } from './stage.js';

const EXTRACTORS: Readonly<Record<string, Extractor>> = {
  Patient: extractPatient,
  Encounter: extractEncounter,
  Condition: extractCondition,
  Observation: extractObservation,
  Procedure: extractProcedure,
  MedicationRequest: extractMedicationRequest,
  Immunization: extractImmunization,
  QuestionnaireResponse: extractQuestionnaireResponse,
  Coverage: extractCoverage,
};

export interface ReadSummary {
  files: FileAccount[];
  /** Accepted resources of types Equilens does not use, by type. */
  ignored: Map<string, number>;
  /** (attribute, column, code) → rows, for the unmapped table. */
  unmapped: Map<string, number>;
  resources: number;
  /** Patients whose id was already read (then rejected as duplicates). */
  duplicatePatients: number;
}

function check(item: ReadItem): Rejection | string {
  if (item.error || !item.resource) return { reason: item.error ?? 'Unreadable item.' };
  const type = item.resource.resourceType;
  if (typeof type !== 'string' || !FHIR_R4_RESOURCE_TYPES.has(type))
    return {
      reason: 'Unknown resourceType: not a FHIR R4 resource type, so the resource cannot be read.',
      column: 'resourceType',
      value: typeof type === 'string' ? type.slice(0, 60) : undefined,
    };
  if (!str(item.resource.id))
    return { reason: `${type} has no id; every resource in an export needs one.`, column: 'id' };
  return type;
}

/** Extract one item; true when it was rejected (the rejection is staged). */
function extractOne(item: ReadItem, ctx: ExtractContext, summary: ReadSummary, fileIdx: number): boolean {
  const type = check(item);
  let rejection: Rejection | void = typeof type === 'string' ? undefined : type;
  if (typeof type === 'string') {
    const extractor = EXTRACTORS[type];
    if (!extractor) {
      summary.ignored.set(type, (summary.ignored.get(type) ?? 0) + 1);
      return false;
    }
    ctx.line = item.line;
    ctx.patientRef = null;
    rejection = extractor(item.resource!, ctx);
    const ref = ctx.patientRef as ExtractContext['patientRef'];
    // Only references to a patient not read yet are checked in SQL (the Patient may come in a later file).
    if (!rejection && ref && !ctx.patients.has(ref.id))
      ctx.stage.write('res', [ref.id, type, ref.field, fileIdx, item.line]);
  }
  if (!rejection) return false;
  const column =
    item.path && rejection.column ? `${item.path}.${rejection.column}` : (rejection.column ?? item.path);
  ctx.stage.write('rej', [fileIdx, item.line, column, rejection.value, rejection.reason]);
  return true;
}

export async function readSource(
  inputs: readonly FhirInput[],
  stage: Stager,
  progress?: (done: number) => void,
): Promise<ReadSummary> {
  const summary: ReadSummary = {
    files: [],
    ignored: new Map(),
    unmapped: new Map(),
    resources: 0,
    duplicatePatients: 0,
  };
  const ctx: ExtractContext = {
    fileIdx: 0,
    line: 0,
    stage,
    ref: makeResolver(new Map()),
    unmapped: (attribute, column, code) => {
      const key = JSON.stringify([attribute, column, code.slice(0, 80)]);
      summary.unmapped.set(key, (summary.unmapped.get(key) ?? 0) + 1);
    },
    countyAt,
    countyByName,
    patientRef: null,
    patients: new Set(),
    duplicatePatients: 0,
  };
  for (let fileIdx = 0; fileIdx < inputs.length; fileIdx++) {
    const input = inputs[fileIdx]!;
    const account: FileAccount = { file: input.path, read: 0, loaded: 0, rejected: 0 };
    ctx.fileIdx = fileIdx;
    ctx.ref = makeResolver(new Map());
    for await (const batch of readInputBatches(input)) {
      if (input.kind === 'json') {
        // A Bundle is one batch: resolve its fullUrls to resource ids before extracting.
        const urls = new Map<string, string>();
        for (const it of batch) {
          const id = str(it.resource?.id);
          if (it.fullUrl && id) urls.set(it.fullUrl, id);
        }
        ctx.ref = makeResolver(urls);
      }
      for (const item of batch) {
        account.read++;
        if (!extractOne(parsed(item), ctx, summary, fileIdx)) continue;
        account.rejected++;
      }
      summary.resources += batch.length;
      progress?.(summary.resources);
    }
    account.loaded = account.read - account.rejected;
    summary.files.push(account);
  }
  summary.duplicatePatients = ctx.duplicatePatients;
  return summary;
}
