/**
 * Observation → `observations`: one row per Observation, or, when it has `component[]` (a BP panel 85354-9,
 * Synthea's PRAPARE), one row per component with `panel_code` = the Observation's code (plus a row for the
 * Observation's own value when it has one). Also:
 * - social-needs screening answers (the Observation or its components) → `sdoh` (screening.ts);
 * - `hasMember` links, so members of a panel get its code as `panel_code` and instrument;
 * - gender identity (LOINC 76691-5), sexual orientation (76690-7) and disability-status Observations →
 *   patient-level attribute rows.
 */
import { arr, ccText, codeOf, firstDate, hasCoding, isObject, num, str, type Json } from './fhir-json.js';
import { patientOf, type ExtractContext, type Rejection } from './context.js';
import { ccKeys, labelOf } from './patient-sex-gender.js';
import { stageScreeningAnswer } from './screening.js';

export interface ValueParts {
  num: number | null;
  unit: string | null;
  code: string | null;
  system: string | null;
  text: string | null;
}

/** The value[x] of an Observation or component. */
export function valueOf(el: Json): ValueParts {
  const v: ValueParts = { num: null, unit: null, code: null, system: null, text: null };
  if (isObject(el.valueQuantity)) {
    v.num = num(el.valueQuantity.value);
    v.unit = str(el.valueQuantity.code) ?? str(el.valueQuantity.unit);
  } else if (isObject(el.valueCodeableConcept)) {
    const c = codeOf(el.valueCodeableConcept, ['loinc', 'snomed']);
    v.code = c?.code ?? null;
    v.system = c?.system ?? null;
    v.text = ccText(el.valueCodeableConcept);
  } else if (typeof el.valueString === 'string') v.text = el.valueString;
  else if (typeof el.valueBoolean === 'boolean') v.text = String(el.valueBoolean);
  else if (typeof el.valueInteger === 'number') v.num = el.valueInteger;
  return v;
}

const ATTRIBUTE_CODES: Readonly<Record<string, string>> = {
  '76691-5': 'gender_identity',
  '76690-7': 'sexual_orientation',
};

const isDisability = (r: Json): boolean => {
  for (const cat of arr(r.category)) if (hasCoding(cat, 'disability-status')) return true;
  return false;
};

/** What every row of one Observation shares. */
interface RowBase {
  patient: string;
  id: string | null;
  date: string | null;
  encounter: string | null;
}

function stageRow(
  ctx: ExtractContext,
  r: RowBase,
  c: { code: string; system: string },
  panel: string | null,
  v: ValueParts,
): void {
  ctx.stage.write('observations', [
    r.patient,
    r.id,
    c.code,
    c.system,
    panel,
    r.date,
    v.num,
    v.unit,
    v.code,
    v.system,
    v.text,
    r.encounter,
    ctx.fileIdx,
  ]);
}

export function extractObservation(r: Json, ctx: ExtractContext): Rejection | void {
  const code = codeOf(r.code, ['loinc', 'snomed']);
  if (!code) return { reason: 'Observation has no coded `code`; add a LOINC coding.', column: 'code' };
  const patient = patientOf(r, ctx, 'subject');
  if (typeof patient !== 'string') return patient;
  const id = str(r.id);
  const date = firstDate(r, ['effectiveDateTime', 'effectivePeriod', 'effectiveInstant', 'issued']);
  const encounter = ctx.ref(r.encounter);
  const own = valueOf(r);
  const components = arr(r.component).filter(isObject);
  const row = { patient, id, date, encounter };
  const hasOwn = own.num !== null || own.code !== null || own.text !== null;
  if (!components.length || hasOwn) stageRow(ctx, row, code, null, own);
  for (const comp of components) {
    const cc = codeOf(comp.code, ['loinc', 'snomed']);
    if (!cc) continue;
    const v = valueOf(comp);
    stageRow(ctx, row, cc, code.code, v);
    if (cc.system === 'loinc')
      stageScreeningAnswer(ctx, { patient, date, id, question: cc.code, panel: code.code, value: v });
  }
  if (code.system === 'loinc' && hasOwn)
    stageScreeningAnswer(ctx, { patient, date, id, question: code.code, panel: null, value: own });
  for (const m of arr(r.hasMember)) {
    const member = ctx.ref(m);
    if (member) ctx.stage.write('links', [code.code, member]);
  }
  const attribute = ATTRIBUTE_CODES[code.code] ?? (isDisability(r) ? 'disability' : undefined);
  if (attribute && hasOwn) {
    const keys = isObject(r.valueCodeableConcept) ? ccKeys(r.valueCodeableConcept) : [own.text ?? ''];
    const l = labelOf(attribute, keys, keys.filter(Boolean).join(' | ') || null);
    if (l.unmapped) ctx.unmapped(attribute, `Observation ${code.code}`, l.unmapped);
    ctx.stage.write('attr', [patient, attribute, date, l.label, l.source, ctx.line]);
  }
}
