/**
 * Sex and gender identity from every Patient variant (docs/data-standards.md §1): sex from the US Core sex /
 * individual-sex extension, else birth sex, else administrative gender; gender identity from the US Core
 * genderIdentity extension or the core individual-genderIdentity extension. Source values are kept.
 */
import { MISSING, UNKNOWN } from '../../model/status.js';
import { simpleLabel } from '../../model/vocab/index.js';
import { ccText, codings, extension, isObject, str, type Json } from './fhir-json.js';

export interface Labelled {
  label: string;
  source: string | null;
  /** The source code the mapping did not know, if any. */
  unmapped?: string;
}

/** The label of the first key that maps to a non-Unknown label; Unknown + unmapped otherwise. */
export function labelOf(
  attribute: string,
  keys: readonly (string | null | undefined)[],
  source: string | null,
): Labelled {
  const present = keys.filter((k): k is string => !!k);
  if (!present.length) return { label: MISSING, source };
  for (const k of present) {
    const l = simpleLabel(attribute, k);
    if (l && l !== UNKNOWN) return { label: l, source };
  }
  const known = present.some((k) => simpleLabel(attribute, k) === UNKNOWN);
  return known ? { label: UNKNOWN, source } : { label: UNKNOWN, source, unmapped: present[0] };
}

/** Keys of a CodeableConcept: each coding's code, then its text. */
export const ccKeys = (cc: unknown): string[] => [
  ...new Set(
    [
      ...codings(cc).map((c) => c.code ?? ''),
      ...codings(cc).map((c) => c.display ?? ''),
      ccText(cc) ?? '',
    ].filter(Boolean),
  ),
];

export function sexOf(p: Json): Labelled {
  const sexExt =
    extension(p, 'us-core-sex') ??
    extension(p, 'us-core-individual-sex') ??
    extension(p, 'individual-recordedSexOrGender');
  const sexCode =
    str(sexExt?.valueCode) ??
    (sexExt ? ccKeys(sexExt.valueCodeableConcept ?? sexExt.valueCoding)[0] : undefined) ??
    null;
  const birth = str(extension(p, 'us-core-birthsex')?.valueCode);
  const gender = str(p.gender);
  const parts = [
    sexCode && `sex=${sexCode}`,
    birth && `birthsex=${birth}`,
    gender && `gender=${gender}`,
  ].filter(Boolean);
  const src = parts.length ? parts.join('; ') : null;
  for (const k of [sexCode, birth, gender]) {
    if (!k) continue;
    const l = simpleLabel('sex', k);
    if (l && l !== UNKNOWN && l !== MISSING) return { label: l, source: src };
  }
  return labelOf('sex', [sexCode, birth, gender], src);
}

export function genderIdentityOf(p: Json): Labelled {
  const us = extension(p, 'us-core-genderIdentity');
  const core = extension(p, 'individual-genderIdentity');
  const cc =
    us?.valueCodeableConcept ??
    (core ? (extension(core, 'value')?.valueCodeableConcept ?? core.valueCodeableConcept) : undefined);
  if (!isObject(cc)) return { label: MISSING, source: null };
  const keys = ccKeys(cc);
  return labelOf('gender_identity', keys, keys.join(' | ') || null);
}
