/**
 * Plain-language text of a library measure (for a report's methods appendix): who is in the denominator,
 * what puts a patient in the numerator, who is excluded. Generated from the declarative definition, so the
 * text cannot drift from what the engine computes.
 */
import type { CodeList, Criterion, MeasureDefinition, Numerator, Window } from './types.js';

const SYSTEM: Readonly<Record<string, string>> = {
  snomed: 'SNOMED CT',
  icd10cm: 'ICD-10-CM',
  loinc: 'LOINC',
  rxnorm: 'RxNorm',
  cpt: 'CPT',
};

export const describeCodes = (lists: readonly CodeList[]): string =>
  lists
    .map((l) => `${SYSTEM[l.system] ?? l.system} ${l.codes.map((c) => (l.prefix ? `${c}*` : c)).join(', ')}`)
    .join('; ');

export function describeWindow(w: Window): string {
  if (w === 'period') return 'in the measurement period';
  if (w === 'before_end') return 'on or before the end of the period';
  if ('monthsBeforeEnd' in w) return `in the ${w.monthsBeforeEnd} months ending on the period end`;
  return `in the ${w.yearsBeforeEnd} year${w.yearsBeforeEnd === 1 ? '' : 's'} ending on the period end`;
}

const NOUN: Readonly<Record<string, string>> = {
  conditions: 'a diagnosis',
  observations: 'a result',
  procedures: 'a procedure',
  medications: 'a medication',
  immunizations: 'an immunization',
};

export function describeCriterion(c: Criterion): string {
  if (c.kind === 'encounter') {
    const cls = c.classes?.length ? ` of class ${c.classes.join('/')}` : '';
    return `a visit${cls} ${describeWindow(c.window)}`;
  }
  return `${NOUN[c.table]} (${describeCodes(c.codes)}) ${describeWindow(c.window)}`;
}

export function describeNumerator(n: Numerator): string {
  switch (n.kind) {
    case 'any':
      return n.of.map(describeCriterion).join(', or ');
    case 'latest_value':
      return `the most recent result (${describeCodes(n.codes)}) ${describeWindow(n.window)} is ${n.comparator} ${n.threshold}${n.missing === 'numerator' ? ', or there is no result' : ''}`;
    case 'bp_controlled':
      return `on the most recent day ${describeWindow(n.window)} with both a systolic (${describeCodes(n.systolic)}) and a diastolic (${describeCodes(n.diastolic)}) reading, the lowest systolic is < ${n.systolicBelow} and the lowest diastolic < ${n.diastolicBelow} mmHg`;
    case 'sdoh_screened':
      return `screened ${describeWindow(n.window)} in every domain: ${n.domains.join(', ').replace(/_/g, ' ')}`;
    case 'sdoh_positive':
      return `screened positive for ${n.domain.replace(/_/g, ' ')} ${describeWindow(n.window)}`;
    case 'encounter_count':
      return `at least one visit of class ${n.classes.join('/')} ${describeWindow(n.window)} (the row value is the number of such visits)`;
    case 'readmission':
      return 'another inpatient admission within the readmission window after discharge';
  }
}

/** The denominator, numerator and exclusions of a library measure in words. */
export function describeMeasure(def: MeasureDefinition): {
  denominator: string;
  numerator: string;
  exclusions?: string;
} {
  const p = def.population;
  const age =
    p.ageMin !== undefined && p.ageMax !== undefined
      ? `aged ${p.ageMin}–${p.ageMax} at the end of the period`
      : p.ageMin !== undefined
        ? `aged ${p.ageMin} or older at the end of the period`
        : '';
  const who = [p.sex?.length ? p.sex.join('/').toLowerCase() : '', 'patients', age].filter(Boolean).join(' ');
  const unit =
    def.unit.kind === 'inpatient_discharge'
      ? `Inpatient stays (${def.unit.classes.join('/')}) discharged in the period, up to ${def.unit.days} days before its end, of ${who}`
      : who.charAt(0).toUpperCase() + who.slice(1);
  const req = p.require.map(describeCriterion);
  const base = def.populationNumeratorOf ? [`in the numerator of ${def.populationNumeratorOf}`] : [];
  const denominator = [unit, [...req, ...base].length ? `with ${[...req, ...base].join(', and ')}` : '']
    .filter(Boolean)
    .join(' ');
  const n = def.numerator;
  const numerator =
    n.kind === 'readmission' && def.unit.kind === 'inpatient_discharge'
      ? `another inpatient admission 1–${def.unit.days} days after the discharge`
      : n.kind === 'encounter_count' && def.scale !== undefined
        ? `the number of visits of class ${n.classes.join('/')} ${describeWindow(n.window)}, per ${def.scale.toLocaleString('en-US')} patients in the denominator (a rate: visits / patients × ${def.scale.toLocaleString('en-US')})`
        : describeNumerator(n);
  return {
    denominator: `${denominator}.`,
    numerator: `${numerator.charAt(0).toUpperCase()}${numerator.slice(1)}.`,
    ...(def.exclusions?.length
      ? { exclusions: `${def.exclusions.map(describeCriterion).join('; or ')}.` }
      : {}),
  };
}
