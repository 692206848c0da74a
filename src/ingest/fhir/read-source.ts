/**
 * Read FHIR inputs into the staging files: one resource at a time (NDJSON line by line; a Bundle file entry
 * by entry), dispatching on resourceType. Rejected here: a line that is not JSON, a resourceType that is not
 * FHIR R4, a resource without `id`, and whatever an extractor refuses. Valid FHIR resource types Equilens
 * does not use (Claim, Organization, …) are accepted and counted as ignored. `readSource` reads every input
 * on this thread; reader threads extract their tasks with the same functions (read-task.ts).
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
import type { FhirInput, InputKind } from './inputs.js';
import { extractObservation } from './observation.js';
import { extractPatient } from './patient.js';
import { extractQuestionnaireResponse } from './questionnaire-response.js';
import { parsed, readInputBatches, type ReadItem } from './read-files.js';
import { FHIR_R4_RESOURCE_TYPES } from './resource-types.js';
import type { StagedTable } from './stage.js';
import type { StageWriter } from './stage-writer.js';

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

/** What reading counts besides the staged rows (per source; per task in a reader worker). */
export interface Tally {
  /** Accepted resources of types Equilens does not use, by type. */
  ignored: Map<string, number>;
  /** (attribute, column, code) → rows, for the unmapped table. */
  unmapped: Map<string, number>;
}

export interface ReadSummary extends Tally {
  files: FileAccount[];
  resources: number;
  /** Patients whose id was already read (then rejected as duplicates). */
  duplicatePatients: number;
  /** Markers set by extractors (e.g. `questionnaire-answers`). */
  flags: Set<string>;
  /** Rows staged per table. */
  staged: Partial<Record<StagedTable, number>>;
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
function extractOne(item: ReadItem, ctx: ExtractContext, tally: Tally, fileIdx: number): boolean {
  const type = check(item);
  let rejection: Rejection | void = typeof type === 'string' ? undefined : type;
  if (typeof type === 'string') {
    const extractor = EXTRACTORS[type];
    if (!extractor) {
      tally.ignored.set(type, (tally.ignored.get(type) ?? 0) + 1);
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

/** A context for extraction into `stage`, counting into `tally`; `patients` are the ids known read. */
export function extractContext(stage: StageWriter, tally: Tally, patients: Set<string>): ExtractContext {
  return {
    fileIdx: 0,
    line: 0,
    stage,
    ref: makeResolver(new Map()),
    unmapped: (attribute, column, code) => {
      const key = JSON.stringify([attribute, column, code.slice(0, 80)]);
      tally.unmapped.set(key, (tally.unmapped.get(key) ?? 0) + 1);
    },
    countyAt,
    countyByName,
    patientRef: null,
    patients,
    duplicatePatients: 0,
  };
}

/** Begin an input: its file index, and references resolved by id until a Bundle gives fullUrls. */
export function startInput(ctx: ExtractContext, fileIdx: number): void {
  ctx.fileIdx = fileIdx;
  ctx.ref = makeResolver(new Map());
}

/** Extract a batch of the current input's items (a Bundle is one batch); returns how many were rejected. */
export function extractBatch(
  batch: readonly ReadItem[],
  kind: InputKind,
  ctx: ExtractContext,
  tally: Tally,
): number {
  if (kind === 'json') {
    // A Bundle is one batch: resolve its fullUrls to resource ids before extracting.
    const urls = new Map<string, string>();
    for (const it of batch) {
      const id = str(it.resource?.id);
      if (it.fullUrl && id) urls.set(it.fullUrl, id);
    }
    ctx.ref = makeResolver(urls);
  }
  let rejected = 0;
  for (const item of batch) if (extractOne(parsed(item), ctx, tally, ctx.fileIdx)) rejected++;
  return rejected;
}

/** Read every input on this thread, in order. */
export async function readSource(
  inputs: readonly FhirInput[],
  stage: StageWriter,
  progress?: (done: number) => void,
): Promise<ReadSummary> {
  const summary: ReadSummary = {
    files: [],
    ignored: new Map(),
    unmapped: new Map(),
    resources: 0,
    duplicatePatients: 0,
    flags: stage.flags,
    staged: {},
  };
  const ctx = extractContext(stage, summary, new Set());
  for (let fileIdx = 0; fileIdx < inputs.length; fileIdx++) {
    const input = inputs[fileIdx]!;
    const account: FileAccount = { file: input.path, read: 0, loaded: 0, rejected: 0 };
    startInput(ctx, fileIdx);
    for await (const batch of readInputBatches(input)) {
      account.read += batch.length;
      account.rejected += extractBatch(batch, input.kind, ctx, summary);
      summary.resources += batch.length;
      progress?.(summary.resources);
    }
    account.loaded = account.read - account.rejected;
    summary.files.push(account);
  }
  summary.duplicatePatients = ctx.duplicatePatients;
  summary.staged = stage.counts();
  return summary;
}
