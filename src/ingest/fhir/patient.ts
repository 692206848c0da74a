/**
 * Patient → one staged `patients` row: race/ethnicity, sex, gender identity, language, ZIP, county, tribal
 * affiliation and birth date, each canonical label beside its source value. Attributes that arrive in other
 * resources (gender identity / sexual orientation / disability Observations, Coverage) are staged as `attr`
 * rows and merged when the source is finalised.
 */
import { dateOf, ccText, codings, extension, str, type Json } from './fhir-json.js';
import type { ExtractContext, Rejection } from './context.js';
import { raceEthnicityOf } from './patient-race.js';
import { genderIdentityOf, sexOf } from './patient-sex-gender.js';
import { languageOf } from './patient-language.js';
import { addressOf } from './patient-address.js';

function tribalOf(p: Json): string | null {
  const ext = extension(p, 'us-core-tribal-affiliation');
  if (!ext) return null;
  const cc = extension(ext, 'tribalAffiliation')?.valueCodeableConcept;
  const c = codings(cc)[0];
  const name = ccText(cc) ?? c?.display ?? null;
  const code = c?.code ?? null;
  const enrolled = extension(ext, 'isEnrolled')?.valueBoolean;
  const base = [code, name].filter(Boolean).join(' ');
  return base ? `${base}${enrolled === true ? ' (enrolled)' : ''}` : null;
}

export function extractPatient(p: Json, ctx: ExtractContext): Rejection | void {
  const id = str(p.id) as string;
  if (ctx.patients.has(id)) ctx.duplicatePatients++;
  else ctx.patients.add(id);
  ctx.patientIds?.push(id);
  const re = raceEthnicityOf(p);
  for (const code of re.unmapped) {
    const inRace = re.raceSource?.includes(code);
    ctx.unmapped(inRace ? 'race' : 'ethnicity', inRace ? 'us-core-race' : 'us-core-ethnicity', code);
  }
  const sex = sexOf(p);
  if (sex.unmapped) ctx.unmapped('sex', 'gender', sex.unmapped);
  const gi = genderIdentityOf(p);
  if (gi.unmapped) ctx.unmapped('gender_identity', 'genderIdentity', gi.unmapped);
  const lang = languageOf(p);
  if (lang.unmapped && lang.source) ctx.unmapped('language', 'communication.language', lang.source);
  const addr = addressOf(p, ctx);
  ctx.stage.write('pat', [
    id,
    dateOf(p.birthDate),
    re.raceCodes.join('|'),
    re.ethnicityCodes.join('|'),
    re.race,
    re.ethnicity,
    re.race_ethnicity,
    re.raceSource,
    re.ethnicitySource,
    sex.label,
    sex.source,
    gi.label,
    gi.source,
    lang.language,
    lang.limitedEnglish,
    lang.source,
    lang.interpreterNeeded,
    addr.zip,
    addr.county,
    tribalOf(p),
    ctx.fileIdx,
    ctx.line,
  ]);
}
