/**
 * The screening table (answers.ts) read by classifyAnswer. Expected classifications are the rules of
 * docs/data-standards.md §3 (AHC HRSN, PRAPARE and Hunger Vital Sign answer codes from the US Core examples).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HRSN_DOMAINS } from '../../model/stratifiers.js';
import { DECLINED_ANSWERS, SCREENING_ANSWERS } from './answers.js';
import { classifyAnswer, isScreeningQuestion } from './classify.js';
import { socialFinding } from './social-findings.js';

const pick = (q: string, answerCode?: string, extra: object = {}) =>
  classifyAnswer({ question: q, answerCode, ...extra }).map((c) => [
    c.domain,
    c.screened,
    c.positive,
    c.instrument,
  ]);

describe('classifyAnswer', () => {
  it('PRAPARE 93031-3 is one question screening two domains', () => {
    expect(pick('93031-3', 'LA30125-1')).toEqual([
      ['food', true, true, 'prapare'],
      ['utilities', true, false, 'prapare'],
    ]);
    expect(pick('93031-3', 'LA30124-4')).toEqual([
      ['food', true, false, 'prapare'],
      ['utilities', true, true, 'prapare'],
    ]);
    expect(pick('93031-3', 'LA30126-9').map((r) => r[2])).toEqual([false, false]); // Clothing
  });

  it('"I choose not to answer" is screened, not positive, and flagged declined', () => {
    const out = classifyAnswer({ question: '93030-5', answerCode: 'LA30122-8' });
    expect(out).toEqual([
      expect.objectContaining({ domain: 'transportation', screened: true, positive: false, declined: true }),
    ]);
    const text = classifyAnswer({ question: '88122-7', answerText: 'I choose not to answer this question' });
    expect(text[0]).toMatchObject({ screened: true, positive: false, declined: true });
  });

  it('Hunger Vital Sign: Often or Sometimes true is positive, Never true is not', () => {
    expect(pick('88122-7', 'LA28397-0')[0]![2]).toBe(true);
    expect(pick('88123-5', 'LA6729-3')[0]![2]).toBe(true);
    expect(pick('88123-5', 'LA28398-8')[0]![2]).toBe(false);
    expect(pick('88124-3', 'LA19952-3')[0]).toEqual(['food', true, true, 'hunger-vital-sign']);
  });

  it('AHC: housing, utilities (Yes / Already shut off), HITS total ≥ 11, housing quality', () => {
    expect(pick('71802-3', 'LA31995-6', { panel: '96777-8' })).toEqual([
      ['housing_instability', true, true, 'ahc-hrsn'],
    ]);
    expect(pick('71802-3', 'LA31993-1', { panel: '96777-8' })[0]![2]).toBe(false);
    expect(pick('96779-4', 'LA32002-0')[0]![2]).toBe(true);
    expect(classifyAnswer({ question: '95614-4', answerNumber: 11 })[0]!.positive).toBe(true);
    expect(classifyAnswer({ question: '95614-4', answerNumber: 10 })[0]!.positive).toBe(false);
    expect(pick('96778-6', 'LA9-3')[0]![2]).toBe(false); // None of the above
    expect(pick('96778-6', 'LA31996-4')[0]![2]).toBe(true); // any problem
  });

  it('PRAPARE safety: not safe where you live (No) and afraid of partner (Yes) are positive', () => {
    expect(pick('93026-3', 'LA32-8')[0]![2]).toBe(true);
    expect(pick('93026-3', 'LA33-6')[0]![2]).toBe(false);
    expect(pick('76501-6', 'LA33-6')[0]![2]).toBe(true);
  });

  it('a question without an answer, or not in the table, gives nothing', () => {
    expect(classifyAnswer({ question: '93030-5' })).toEqual([]);
    expect(classifyAnswer({ question: '54899-0', answerCode: 'LA43-5' })).toEqual([]);
    expect(isScreeningQuestion('93030-5')).toBe(true);
    expect(isScreeningQuestion('8480-6')).toBe(false);
  });

  it('property: any answer is screened; declined answers are never positive', () => {
    const questions = [...new Set(SCREENING_ANSWERS.map((r) => r.question))];
    const answers = [...new Set(SCREENING_ANSWERS.map((r) => r.answer)), ...DECLINED_ANSWERS, 'LA99999-9'];
    fc.assert(
      fc.property(fc.constantFrom(...questions), fc.constantFrom(...answers), (q, a) => {
        const out = classifyAnswer({ question: q, answerCode: a, answerNumber: 20 });
        expect(out.length).toBeGreaterThan(0);
        for (const c of out) {
          expect(c.screened).toBe(true);
          expect((HRSN_DOMAINS as readonly string[]).includes(c.domain)).toBe(true);
          if (DECLINED_ANSWERS.includes(a)) expect(c.positive).toBe(false);
        }
      }),
    );
  });
});

describe('socialFinding', () => {
  it('maps ICD-10-CM Z55–Z65 codes by the most specific prefix, and SNOMED findings', () => {
    expect(socialFinding('icd10cm', 'Z59.41')?.domain).toBe('food');
    expect(socialFinding('icd10cm', 'Z59.01')?.domain).toBe('housing_instability');
    expect(socialFinding('icd10cm', 'Z59.12')?.domain).toBe('utilities');
    expect(socialFinding('icd10cm', 'Z59.19')?.domain).toBe('housing_quality');
    expect(socialFinding('icd10cm', 'Z59.82')?.domain).toBe('transportation');
    expect(socialFinding('icd10cm', 'Z56.0')).toBeUndefined(); // unemployment: not an HRSN domain
    expect(socialFinding('icd10cm', 'I10')).toBeUndefined();
    expect(socialFinding('snomed', '706893006')?.domain).toBe('interpersonal_safety');
  });
});
