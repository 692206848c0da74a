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

/** classifyAnswer is pure and answers repeat: results are kept per (question, answer, panel). */
const memo = new Map<string, ReturnType<typeof classifyAnswer>>();

const NUL = '\u0000';
/** A key part that tells null, a text and a number apart. */
const tag = (v: string | number | null): string =>
  v === null ? '' : typeof v === 'number' ? `n${v}` : `s${v}`;

function classified(a: StagedAnswer): ReturnType<typeof classifyAnswer> {
  const { code, text, num } = a.value;
  // A NUL inside a value could make two answers share a key: those are classified afresh.
  const plain = ![a.question, code, text, a.panel].some((v) => v?.includes(NUL));
  const key = plain ? [a.question, tag(code), tag(text), tag(num), tag(a.panel)].join(NUL) : '';
  let hit = plain ? memo.get(key) : undefined;
  if (!hit) {
    hit = classifyAnswer({
      question: a.question,
      answerCode: code,
      answerText: text,
      answerNumber: num,
      panel: a.panel,
    });
    if (plain) {
      if (memo.size > 10_000) memo.clear();
      memo.set(key, hit);
    }
  }
  return hit;
}

export function stageScreeningAnswer(ctx: ExtractContext, a: StagedAnswer): void {
  if (!isScreeningQuestion(a.question)) return;
  for (const c of classified(a)) {
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
