/**
 * The SDOH classifier of the OMOP source: the project's data table (src/measures/sdoh) decides which
 * (question, answer) pairs count as screened and positive; a coded social finding (ICD-10-CM Z55–Z65,
 * SNOMED) is screened and positive in its domain. A question of the table with no answer yields its domains
 * with screened = false (the question was asked; nothing says the domain was screened).
 */
import {
  SCREENING_ANSWERS,
  classifyAnswer,
  isScreeningQuestion,
  socialFinding,
} from '../../measures/sdoh/index.js';
import type { SdohClass, SdohClassifier, SdohItem } from './sdoh.js';

/** Domains (and instrument) of a table question, for unanswered items. */
function questionDomains(question: string): SdohClass[] {
  const seen = new Map<string, SdohClass>();
  for (const r of SCREENING_ANSWERS) {
    if (r.question === question && !seen.has(r.domain)) {
      seen.set(r.domain, { domain: r.domain, instrument: r.instrument, screened: false, positive: false });
    }
  }
  return [...seen.values()];
}

const classify = (item: SdohItem): readonly SdohClass[] => {
  if (item.system !== 'loinc') {
    const f = socialFinding(item.system, item.question);
    return f
      ? [{ domain: f.domain, instrument: `${item.system}-finding`, screened: true, positive: true }]
      : [];
  }
  const answered = item.answerCode !== null || item.answerText !== null || item.answerNumber !== null;
  if (!answered) return questionDomains(item.question);
  return classifyAnswer({
    question: item.question,
    answerCode: item.answerCode,
    answerText: item.answerText,
    answerNumber: item.answerNumber,
  }).map((c) => ({ domain: c.domain, instrument: c.instrument, screened: c.screened, positive: c.positive }));
};

/** The data table of src/measures/sdoh as the OMOP source's classifier. */
export const classifySdoh: SdohClassifier = {
  isItem: (system, code) =>
    system === 'loinc' ? isScreeningQuestion(code) : socialFinding(system, code) !== undefined,
  classify,
};
