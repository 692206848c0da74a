/**
 * Condition → `conditions`; a social finding (ICD-10-CM Z55–Z65 or a SNOMED CT social finding, see
 * src/measures/sdoh/social-findings.ts) also becomes a positive screening row in its HRSN domain.
 */
import { socialFinding } from '../../measures/sdoh/index.js';
import { arr, codeOf, codings, firstDate, str, type Json } from './fhir-json.js';
import { patientOf, type ExtractContext, type Rejection } from './context.js';
import { codeSystemId } from '../../model/clinical.js';

export function extractCondition(r: Json, ctx: ExtractContext): Rejection | void {
  const code = codeOf(r.code, ['icd10cm', 'snomed', 'icd10']);
  if (!code)
    return { reason: 'Condition has no coded `code`; add an ICD-10-CM or SNOMED CT coding.', column: 'code' };
  const patient = patientOf(r, ctx, 'subject');
  if (typeof patient !== 'string') return patient;
  const onset = firstDate(r, ['onsetDateTime', 'onsetPeriod', 'recordedDate']);
  const category =
    arr(r.category)
      .flatMap(codings)
      .find((c) => c.code)?.code ?? null;
  ctx.stage.write('conditions', [
    patient,
    str(r.id),
    code.code,
    code.system,
    onset,
    firstDate(r, ['abatementDateTime', 'abatementPeriod']),
    category,
    ctx.ref(r.encounter),
    ctx.fileIdx,
  ]);
  const status = codings(r.verificationStatus)[0]?.code;
  if (status === 'refuted' || status === 'entered-in-error') return;
  const seen = new Set<string>();
  for (const c of codings(r.code)) {
    const sys = codeSystemId(c.system);
    const rule = c.code ? socialFinding(sys, c.code) : undefined;
    if (!rule || seen.has(rule.domain)) continue;
    seen.add(rule.domain);
    ctx.stage.write('sdoh', [
      patient,
      onset,
      sys === 'snomed' ? 'snomed' : 'icd10cm-z',
      rule.domain,
      c.code,
      null,
      c.display ?? rule.display,
      true,
      true,
      false,
      rule.gravity,
      str(r.id),
      ctx.fileIdx,
    ]);
  }
}
