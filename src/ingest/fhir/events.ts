/** Encounter, Procedure, MedicationRequest and Immunization → their clinical event tables. */
import { codeOf, firstDate, isObject, str, type Json } from './fhir-json.js';
import { patientOf, type ExtractContext, type Rejection } from './context.js';

const noCode = (r: Json, field: string): Rejection => ({
  reason: `${String(r.resourceType)} has no coded ${field}; add a coding (e.g. SNOMED CT, RxNorm, CVX).`,
  column: field,
});

export function extractEncounter(r: Json, ctx: ExtractContext): Rejection | void {
  const patient = patientOf(r, ctx, 'subject');
  if (typeof patient !== 'string') return patient;
  const cls = isObject(r.class) ? str(r.class.code) : null;
  const type = codeOf(Array.isArray(r.type) ? r.type[0] : undefined, ['snomed', 'cpt']);
  const period = isObject(r.period) ? r.period : {};
  const hosp = isObject(r.hospitalization) ? r.hospitalization : {};
  ctx.stage.write('encounters', [
    patient,
    str(r.id),
    cls,
    type?.code,
    type?.system,
    firstDate(period, ['start']),
    firstDate(period, ['end']),
    codeOf(hosp.dischargeDisposition)?.code,
    ctx.fileIdx,
  ]);
}

export function extractProcedure(r: Json, ctx: ExtractContext): Rejection | void {
  const code = codeOf(r.code, ['snomed', 'cpt']);
  if (!code) return noCode(r, 'code');
  const patient = patientOf(r, ctx, 'subject');
  if (typeof patient !== 'string') return patient;
  ctx.stage.write('procedures', [
    patient,
    str(r.id),
    code.code,
    code.system,
    firstDate(r, ['performedDateTime', 'performedPeriod']),
    ctx.ref(r.encounter),
    ctx.fileIdx,
  ]);
}

export function extractMedicationRequest(r: Json, ctx: ExtractContext): Rejection | void {
  const code = codeOf(r.medicationCodeableConcept, ['rxnorm']);
  const ref = code ? null : ctx.ref(r.medicationReference);
  if (!code && !ref) return noCode(r, 'medicationCodeableConcept');
  const patient = patientOf(r, ctx, 'subject');
  if (typeof patient !== 'string') return patient;
  ctx.stage.write('medications', [
    patient,
    str(r.id),
    code?.code ?? `Medication/${ref}`,
    code?.system ?? 'other',
    firstDate(r, ['authoredOn']),
    str(r.status),
    ctx.fileIdx,
  ]);
}

export function extractImmunization(r: Json, ctx: ExtractContext): Rejection | void {
  const code = codeOf(r.vaccineCode, ['cvx']);
  if (!code) return noCode(r, 'vaccineCode');
  const patient = patientOf(r, ctx, 'patient');
  if (typeof patient !== 'string') return patient;
  ctx.stage.write('immunizations', [
    patient,
    str(r.id),
    code.code,
    code.system,
    firstDate(r, ['occurrenceDateTime', 'recorded']),
    str(r.status),
    ctx.fileIdx,
  ]);
}
