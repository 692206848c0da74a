/**
 * Declarative clinical measures over the clinical event model (src/model/clinical.ts). A definition says
 * who is in the population, which events count for the numerator and for exclusions, over which window of
 * the measurement period, with which code lists — and nothing about SQL: src/engine/measures compiles it.
 * Every definition names its steward's specification and says how this version differs from it.
 */

/** A code list: codes of one system (`snomed`, `icd10cm`, `loinc`, `cpt`, `rxnorm`, …). */
export interface CodeList {
  system: string;
  codes: readonly string[];
  /** Match codes starting with any listed code (ICD-10-CM categories such as `E11`; dots ignored). */
  prefix?: boolean;
}

/**
 * A window relative to the measurement period [start, end] (both inclusive):
 * - `period`: within the period;
 * - `before_end`: any time on or before the period end;
 * - `{ monthsBeforeEnd: n }`: within the n months ending on the period end (end − n months + 1 day … end);
 * - `{ yearsBeforeEnd: n }`: likewise in years (1 = the 12 months ending on the period end).
 */
export type Window = 'period' | 'before_end' | { monthsBeforeEnd: number } | { yearsBeforeEnd: number };

/** An event table of the clinical model that carries codes. */
export type EventTable = 'conditions' | 'observations' | 'procedures' | 'medications' | 'immunizations';

/** "The patient has an event with one of these codes in the window." */
export interface EventCriterion {
  kind: 'event';
  table: EventTable;
  codes: readonly CodeList[];
  window: Window;
}

/** "The patient has an encounter (of these classes, when given) starting in the window." */
export interface EncounterCriterion {
  kind: 'encounter';
  classes?: readonly string[];
  window: Window;
}

export type Criterion = EventCriterion | EncounterCriterion;

/** Who is counted. Age is in completed years at the period end. All `require` criteria must hold. */
export interface Population {
  ageMin?: number;
  ageMax?: number;
  /** Canonical `patients.sex` labels admitted (e.g. ['Female']). */
  sex?: readonly string[];
  require: readonly Criterion[];
}

export type Numerator =
  /** Any of the criteria holds. */
  | { kind: 'any'; of: readonly Criterion[] }
  /**
   * The most recent numeric result of `codes` in the window compared with `threshold`; `missing` says
   * whether a patient with no result is in the numerator (HbA1c poor control: yes).
   */
  | {
      kind: 'latest_value';
      codes: readonly CodeList[];
      window: Window;
      comparator: '>' | '>=' | '<' | '<=';
      threshold: number;
      missing: 'numerator' | 'not_numerator';
    }
  /**
   * Blood pressure control (CMS165 logic): the most recent day in the window with both a systolic and a
   * diastolic reading; the lowest systolic and lowest diastolic of that day; controlled when
   * systolic < systolicBelow and diastolic < diastolicBelow. No such day: not controlled.
   */
  | {
      kind: 'bp_controlled';
      systolic: readonly CodeList[];
      diastolic: readonly CodeList[];
      window: Window;
      systolicBelow: number;
      diastolicBelow: number;
    }
  /** Screened (sdoh_screenings.screened) in every listed domain in the window. */
  | { kind: 'sdoh_screened'; domains: readonly string[]; window: Window }
  /** Positive (sdoh_screenings.positive) in the domain in the window. */
  | { kind: 'sdoh_positive'; domain: string; window: Window }
  /** Count of encounters of these classes in the window; in the numerator when the count > 0. */
  | { kind: 'encounter_count'; classes: readonly string[]; window: Window }
  /** For `inpatient_discharge` units: readmitted (see MeasureUnit). */
  | { kind: 'readmission' };

/**
 * The unit of a measure row:
 * - `patient`: one row per patient in the population (unit_id = patient_id, event_date = period end);
 * - `inpatient_discharge`: one row per index inpatient stay discharged in the period up to `days` before its
 *   end; numerator = another inpatient admission 1–`days` days after the index discharge
 *   (unit_id = the index encounter id, event_date = the discharge date).
 */
export type MeasureUnit =
  { kind: 'patient' } | { kind: 'inpatient_discharge'; classes: readonly string[]; days: number };

export interface MeasureDefinition {
  id: string;
  title: string;
  description: string;
  direction: 'lower_is_better' | 'higher_is_better';
  /** An outcome (readmission, control, a positive screen) or a process of care (screening, testing). */
  type: 'outcome' | 'process';
  unit: MeasureUnit;
  population: Population;
  /** Extra population rule: a patient must be in another measure's numerator (SDOH-2 on SDOH-1). */
  populationNumeratorOf?: string;
  numerator: Numerator;
  /** A patient (or stay) meeting any of these is excluded (kept as excluded = true). */
  exclusions?: readonly Criterion[];
  /** Rates are shown per this many units (1000 for ED visits per 1,000); the row `value` carries counts. */
  scale?: number;
  steward: { name: string; reference: string; url?: string };
  /** How this definition differs from the steward's specification (one sentence each). */
  differences: readonly string[];
}
