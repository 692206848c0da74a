export { SCREENING_ANSWERS, DECLINED_ANSWERS, INSTRUMENT_PANELS } from './answers.js';
export type { Instrument, ScreeningAnswerRule } from './answers.js';
export { classifyAnswer, isScreeningQuestion, instrumentOfPanel } from './classify.js';
export type { ScreeningAnswer, ClassifiedAnswer } from './classify.js';
export { SOCIAL_FINDINGS, socialFinding } from './social-findings.js';
export type { SocialFindingRule } from './social-findings.js';
