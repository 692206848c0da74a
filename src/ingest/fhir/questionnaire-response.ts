/**
 * QuestionnaireResponse → screening answers: every item (nested items too) whose LOINC code — from
 * `item.code` in a form's definition, or a `linkId` that is itself a LOINC code (`/93030-5`) — is a
 * screening question, with each answer (valueCoding, valueString, valueInteger, valueDecimal,
 * valueBoolean). The instrument comes from the questionnaire URL or a panel code among the items.
 */
import { INSTRUMENT_PANELS } from '../../measures/sdoh/index.js';
import { arr, codings, firstDate, isObject, num, str, type Json } from './fhir-json.js';
import { patientOf, type ExtractContext, type Rejection } from './context.js';
import { stageScreeningAnswer } from './screening.js';

const LOINC = /(\d{1,7}-\d)$/;

function itemCode(item: Json): string | null {
  const c = codings({ coding: arr(item.code) }).find((x) => x.system === 'http://loinc.org' && x.code);
  if (c?.code) return c.code;
  const m = LOINC.exec(str(item.linkId) ?? '');
  return m ? m[1]! : null;
}

function panelOf(qr: Json, items: Json[]): string | null {
  const url = (str(qr.questionnaire) ?? '').toLowerCase();
  for (const [code, instrument] of Object.entries(INSTRUMENT_PANELS)) {
    if (url.includes(code) || url.includes(instrument.replace(/-/g, ''))) return code;
  }
  if (/prapare/.test(url)) return '93025-5';
  if (/ahc|hrsn/.test(url)) return '96777-8';
  if (/hunger/.test(url)) return '88121-9';
  const codes = items.map(itemCode);
  return codes.find((c) => c && INSTRUMENT_PANELS[c]) ?? null;
}

function flatten(items: unknown, out: Json[] = []): Json[] {
  for (const it of arr(items).filter(isObject)) {
    out.push(it);
    flatten(it.item, out);
    for (const ans of arr(it.answer).filter(isObject)) flatten(ans.item, out);
  }
  return out;
}

export function extractQuestionnaireResponse(r: Json, ctx: ExtractContext): Rejection | void {
  const patient = patientOf(r, ctx, 'subject');
  if (typeof patient !== 'string') return patient;
  const items = flatten(r.item);
  const panel = panelOf(r, items);
  const date = firstDate(r, ['authored']);
  const id = str(r.id);
  for (const item of items) {
    const question = itemCode(item);
    if (!question) continue;
    for (const ans of arr(item.answer).filter(isObject)) {
      const coding = isObject(ans.valueCoding) ? ans.valueCoding : undefined;
      const value = {
        code: str(coding?.code),
        text:
          str(coding?.display) ??
          str(ans.valueString) ??
          (typeof ans.valueBoolean === 'boolean' ? String(ans.valueBoolean) : null),
        num: num(ans.valueInteger) ?? num(ans.valueDecimal),
      };
      stageScreeningAnswer(ctx, { patient, date, id, question, panel, value });
      ctx.stage.flags.add('questionnaire-answers');
    }
  }
}
