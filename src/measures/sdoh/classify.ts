/**
 * Classify one screening answer with the data table in answers.ts: for each HRSN domain the question
 * covers, whether it counts as screened and as positive. Pure.
 */
import type { HrsnDomain } from '../../model/stratifiers.js';
import {
  DECLINED_ANSWERS,
  INSTRUMENT_PANELS,
  SCREENING_ANSWERS,
  type Instrument,
  type ScreeningAnswerRule,
} from './answers.js';

export interface ScreeningAnswer {
  question: string;
  /** LOINC answer code (LA…), when coded. */
  answerCode?: string | null;
  answerText?: string | null;
  answerNumber?: number | null;
  /** Panel code the answer came from, when known (decides the instrument). */
  panel?: string | null;
}

export interface ClassifiedAnswer {
  instrument: Instrument;
  domain: HrsnDomain;
  gravity: string;
  screened: boolean;
  positive: boolean;
  declined: boolean;
}

const byQuestion = new Map<string, ScreeningAnswerRule[]>();
for (const r of SCREENING_ANSWERS) {
  const list = byQuestion.get(r.question) ?? [];
  list.push(r);
  byQuestion.set(r.question, list);
}

const DECLINED_TEXT = /^(i )?(choose|chose|prefer) not to (answer|say)|refused|declined/i;

/** True when a LOINC code is a question of the screening table. */
export const isScreeningQuestion = (code: string): boolean => byQuestion.has(code);

/** The instrument of a panel code, or undefined. */
export const instrumentOfPanel = (code: string | null | undefined): Instrument | undefined =>
  code ? INSTRUMENT_PANELS[code] : undefined;

/**
 * @example
 *   classifyAnswer({ question: '93031-3', answerCode: 'LA30125-1' })
 *   // [{ domain: 'food', positive: true, … }, { domain: 'utilities', positive: false, … }]
 */
export function classifyAnswer(a: ScreeningAnswer): ClassifiedAnswer[] {
  const rules = byQuestion.get(a.question);
  if (!rules) return [];
  const hasAnswer =
    !!a.answerCode ||
    (a.answerText !== null && a.answerText !== undefined && a.answerText.trim() !== '') ||
    (a.answerNumber !== null && a.answerNumber !== undefined);
  if (!hasAnswer) return [];
  const declined =
    (!!a.answerCode && DECLINED_ANSWERS.includes(a.answerCode)) ||
    (!a.answerCode && DECLINED_TEXT.test(a.answerText ?? ''));
  const panelInstrument = instrumentOfPanel(a.panel);
  const out: ClassifiedAnswer[] = [];
  const domains = [...new Set(rules.map((r) => r.domain))];
  for (const domain of domains) {
    const inDomain = rules.filter((r) => r.domain === domain);
    const text = a.answerText?.trim().toLowerCase();
    const exact =
      (a.answerCode ? inDomain.find((r) => r.answer === a.answerCode) : undefined) ??
      (text ? inDomain.find((r) => r.answer.toLowerCase() === text) : undefined);
    const rule = exact ?? inDomain.find((r) => r.answer === '*') ?? inDomain[0];
    if (!rule) continue;
    let positive = false;
    if (!declined) {
      if (exact) positive = exact.positive;
      else if (rule.atLeast !== undefined)
        positive = a.answerNumber !== null && a.answerNumber !== undefined && a.answerNumber >= rule.atLeast;
      else if (rule.answer === '*') positive = rule.positive;
    }
    out.push({
      instrument: panelInstrument ?? rule.instrument,
      domain,
      gravity: rule.gravity,
      screened: true,
      positive,
      declined,
    });
  }
  return out;
}
