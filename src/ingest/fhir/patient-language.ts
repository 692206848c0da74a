/**
 * Preferred language and interpreter need: `communication[]` (the entry marked `preferred`, else the first)
 * with its BCP-47 code, and the interpreter-needed extensions (US Core ≥8 `us-core-interpreter-needed`,
 * core `patient-interpreterRequired`). Limited English = preferred language ≠ English OR interpreter needed.
 */
import { languageLabel, type LanguageLabel } from '../../model/vocab/index.js';
import { arr, ccText, codings, extension, isObject, str, type Json } from './fhir-json.js';

export interface LanguageExtract extends LanguageLabel {
  source: string | null;
  interpreterNeeded: boolean | null;
}

function interpreterOf(p: Json): boolean | null {
  const ext = extension(p, 'us-core-interpreter-needed') ?? extension(p, 'patient-interpreterRequired');
  if (!ext) return null;
  if (typeof ext.valueBoolean === 'boolean') return ext.valueBoolean;
  const code = (
    str((ext.valueCoding as Json | undefined)?.code) ??
    codings(ext.valueCodeableConcept)[0]?.code ??
    ''
  )
    .toString()
    .toUpperCase();
  if (code === 'Y' || code === 'YES' || code === 'LA33-6') return true;
  if (code === 'N' || code === 'NO' || code === 'LA32-8') return false;
  return null;
}

/** languageLabel is pure and languages repeat: labels are kept per (language, interpreter need). */
const memo = new Map<string, LanguageLabel>();

function labelOf(key: string | null, interpreterNeeded: boolean | null): LanguageLabel {
  const k = `${String(interpreterNeeded)}:${key === null ? '' : `s${key}`}`;
  let label = memo.get(k);
  if (!label) {
    label = languageLabel(key, { interpreterNeeded });
    if (memo.size > 10_000) memo.clear();
    memo.set(k, label);
  }
  return label;
}

export function languageOf(p: Json): LanguageExtract {
  const comms = arr(p.communication).filter(isObject);
  const chosen = comms.find((c) => c.preferred === true) ?? comms[0];
  const interpreterNeeded = interpreterOf(p);
  const lang = chosen?.language;
  const bcp =
    codings(lang).find((c) => c.system === 'urn:ietf:bcp:47' && c.code) ?? codings(lang).find((c) => c.code);
  const key = bcp?.code ?? ccText(lang) ?? null;
  const label = labelOf(key, interpreterNeeded);
  // Built property by property: spreading `label` into a literal is several times slower.
  const out: LanguageExtract = {
    language: label.language,
    limitedEnglish: label.limitedEnglish,
    source: key,
    interpreterNeeded,
  };
  if (label.code !== undefined) out.code = label.code;
  if (label.unmapped !== undefined) out.unmapped = label.unmapped;
  return out;
}
