/**
 * Coverage → the patient's payer (latest by period start): the SOPT payer-type code in `type` (Source of
 * Payment Typology: 1 Medicare, 2 Medicaid, 5/6 commercial, 8 self-pay, …), else the payor's name or the
 * type's text mapped by the payer vocabulary.
 */
import { payerLabel } from '../omop/concept-maps.js';
import { UNKNOWN } from '../../model/status.js';
import { arr, ccText, codings, firstDate, isObject, str, type Json } from './fhir-json.js';
import { patientOf, type ExtractContext, type Rejection } from './context.js';

const SOPT = 'urn:oid:2.16.840.1.113883.3.221.5';

export function extractCoverage(r: Json, ctx: ExtractContext): Rejection | void {
  const patient = patientOf(r, ctx, 'beneficiary');
  if (typeof patient !== 'string') return patient;
  const sopt = codings(r.type).find((c) => c.system === SOPT)?.code ?? null;
  const payor = arr(r.payor).filter(isObject)[0];
  const name = str(payor?.display) ?? ccText(r.type) ?? codings(r.type)[0]?.code ?? null;
  const label = payerLabel(sopt, name);
  const source = [sopt, name].filter(Boolean).join('; ') || null;
  if (!label && source) ctx.unmapped('payer', 'Coverage.type', source);
  const date = firstDate(isObject(r.period) ? r.period : {}, ['start']);
  ctx.stage.write('attr', [patient, 'payer', date, label ?? UNKNOWN, source, ctx.line]);
}
