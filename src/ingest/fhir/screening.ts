/**
 * Stage one screening answer as `sdoh` rows (one per HRSN domain the question covers), classified by the
 * data table in src/measures/sdoh. Shared by Observations (panel members, components) and
 * QuestionnaireResponses.
 */
import { classifyAnswer, isScreeningQuestion } from '../../measures/sdoh/index.js';
import type { ExtractContext } from './context.js';

export interface StagedAnswer {
  patient: string;
  date: string | null;
  id: string | null;
  question: string;
  panel: string | null;
  value: { num: number | null; code: string | null; text: string | null };
}

export function stageScreeningAnswer(ctx: ExtractContext, a: StagedAnswer): void {
  if (!isScreeningQuestion(a.question)) return;
  const classified = classifyAnswer({
    question: a.question,
    answerCode: a.value.code,
    answerText: a.value.text,
    answerNumber: a.value.num,
    panel: a.panel,
  });
  for (const c of classified) {
    ctx.stage.write('sdoh', [
      a.patient,
      a.date,
      c.instrument,
      c.domain,
      a.question,
      a.value.code,
      a.value.text ?? (a.value.num === null ? null : String(a.value.num)),
      c.screened,
      c.positive,
      c.declined,
      c.gravity,
      a.id,
      ctx.fileIdx,
    ]);
  }
}
