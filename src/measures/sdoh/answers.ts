/**
 * Which (question, answer) pairs of a social-needs screening count as "screened" and "positive" in an HRSN
 * domain — a data table, not code (docs/data-standards.md §3; issue #6). Sources: the AHC HRSN core items
 * (LOINC panel 96777-8), PRAPARE (93025-5; answer codes from the US Core PRAPARE Questionnaire example) and
 * the Hunger Vital Sign (88121-9).
 *
 * Reading the table (see classify.ts):
 * - A row names a question LOINC code, an answer (a LOINC LA code, an answer text matched case-insensitively
 *   when the answer arrives as text only, or `*` for "any other answer"), the
 *   HRSN domain it screens, the Gravity SDOH category code and whether that answer is positive.
 * - An answer to a question in the table always counts as screened in each domain the question covers.
 * - DECLINED_ANSWERS ("I choose not to answer", "Don't know/refused") are screened and never positive.
 * - `atLeast` makes a numeric answer positive at or above a threshold (HITS total score ≥ 11).
 */
import type { HrsnDomain } from '../../model/stratifiers.js';

export type Instrument = 'ahc-hrsn' | 'prapare' | 'hunger-vital-sign';

export interface ScreeningAnswerRule {
  instrument: Instrument;
  question: string;
  /** LOINC answer code (LA…), an answer text, or `*` for any other answer to the question. */
  answer: string;
  domain: HrsnDomain;
  /** Gravity SDOH Clinical Care category code (SDOHCC-CodeSystemTemporaryCodes). */
  gravity: string;
  positive: boolean;
  /** Numeric answers at or above this value are positive (scored items). */
  atLeast?: number;
}

/** The LOINC panel code of each instrument. */
export const INSTRUMENT_PANELS: Readonly<Record<string, Instrument>> = {
  '96777-8': 'ahc-hrsn',
  '93025-5': 'prapare',
  '88121-9': 'hunger-vital-sign',
};

/** Answers that mean the person was asked and chose not to answer: screened, not positive. */
export const DECLINED_ANSWERS: readonly string[] = [
  'LA30122-8', // I choose not to answer this question (PRAPARE)
  'LA15775-2', // Don't know/refused (Hunger Vital Sign)
];

const G = {
  food: 'food-insecurity',
  housing: 'housing-instability',
  quality: 'inadequate-housing',
  transport: 'transportation-insecurity',
  utility: 'utility-insecurity',
  safety: 'intimate-partner-violence',
} as const;

type Row = [Instrument, string, string, HrsnDomain, string, boolean, number?];
const ROWS: readonly Row[] = [
  // AHC HRSN — housing instability: 71802-3
  ['ahc-hrsn', '71802-3', 'LA31993-1', 'housing_instability', G.housing, false], // steady place to live
  ['ahc-hrsn', '71802-3', 'LA31994-9', 'housing_instability', G.housing, true], // worried about losing it
  ['ahc-hrsn', '71802-3', 'LA31995-6', 'housing_instability', G.housing, true], // no steady place
  // AHC HRSN — housing quality: 96778-6, any problem other than "None of the above"
  ['ahc-hrsn', '96778-6', 'LA9-3', 'housing_quality', G.quality, false],
  ['ahc-hrsn', '96778-6', '*', 'housing_quality', G.quality, true],
  // AHC HRSN and Hunger Vital Sign — food: 88122-7, 88123-5 (Often / Sometimes true → positive)
  ['hunger-vital-sign', '88122-7', 'LA28397-0', 'food', G.food, true],
  ['hunger-vital-sign', '88122-7', 'LA6729-3', 'food', G.food, true],
  ['hunger-vital-sign', '88122-7', 'LA28398-8', 'food', G.food, false],
  ['hunger-vital-sign', '88123-5', 'LA28397-0', 'food', G.food, true],
  ['hunger-vital-sign', '88123-5', 'LA6729-3', 'food', G.food, true],
  ['hunger-vital-sign', '88123-5', 'LA28398-8', 'food', G.food, false],
  // Hunger Vital Sign result
  ['hunger-vital-sign', '88124-3', 'LA19952-3', 'food', G.food, true], // At risk
  ['hunger-vital-sign', '88124-3', 'LA19983-8', 'food', G.food, false], // No risk
  // Transportation: 93030-5 (AHC Yes/No; PRAPARE two Yes answers)
  ['ahc-hrsn', '93030-5', 'LA33-6', 'transportation', G.transport, true],
  ['prapare', '93030-5', 'LA30133-5', 'transportation', G.transport, true],
  ['prapare', '93030-5', 'LA30134-3', 'transportation', G.transport, true],
  ['prapare', '93030-5', 'LA32-8', 'transportation', G.transport, false],
  ['prapare', '93030-5', '*', 'transportation', G.transport, false],
  // AHC HRSN — utilities: 96779-4 (Yes / Already shut off → positive)
  ['ahc-hrsn', '96779-4', 'LA33-6', 'utilities', G.utility, true],
  ['ahc-hrsn', '96779-4', 'LA32002-0', 'utilities', G.utility, true], // Already shut off
  ['ahc-hrsn', '96779-4', 'LA32-8', 'utilities', G.utility, false],
  // AHC HRSN — interpersonal safety: HITS total 95614-4 ≥ 11
  ['ahc-hrsn', '95614-4', '*', 'interpersonal_safety', G.safety, false, 11],
  // PRAPARE — housing: 71802-3 and 93033-9
  ['prapare', '71802-3', 'LA30189-7', 'housing_instability', G.housing, false], // I have housing
  ['prapare', '71802-3', 'LA30190-5', 'housing_instability', G.housing, true], // I do not have housing
  ['prapare', '71802-3', 'Patient is homeless', 'housing_instability', G.housing, true], // Synthea valueString
  ['prapare', '93033-9', 'LA33-6', 'housing_instability', G.housing, true],
  ['prapare', '93033-9', 'LA32-8', 'housing_instability', G.housing, false],
  // PRAPARE — food and utilities: 93031-3 "unable to get any of the following" (multi-select)
  ['prapare', '93031-3', 'LA30125-1', 'food', G.food, true],
  ['prapare', '93031-3', '*', 'food', G.food, false],
  ['prapare', '93031-3', 'LA30124-4', 'utilities', G.utility, true],
  ['prapare', '93031-3', '*', 'utilities', G.utility, false],
  // PRAPARE — interpersonal safety: 93026-3 safe where you live (No → positive), 76501-6 afraid of partner
  ['prapare', '93026-3', 'LA32-8', 'interpersonal_safety', G.safety, true],
  ['prapare', '93026-3', '*', 'interpersonal_safety', G.safety, false],
  ['prapare', '76501-6', 'LA33-6', 'interpersonal_safety', G.safety, true],
  ['prapare', '76501-6', '*', 'interpersonal_safety', G.safety, false],
];

export const SCREENING_ANSWERS: readonly ScreeningAnswerRule[] = ROWS.map(
  ([instrument, question, answer, domain, gravity, positive, atLeast]) => ({
    instrument,
    question,
    answer,
    domain,
    gravity,
    positive,
    ...(atLeast === undefined ? {} : { atLeast }),
  }),
);
