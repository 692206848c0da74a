import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageLabel, normalizeLanguage } from './language.js';

describe('languageLabel', () => {
  it('normalises BCP-47 tags, ISO 639-2 codes and names (case-insensitive)', () => {
    for (const v of ['en', 'en-US', 'EN-us', 'eng', 'English', 'english'])
      expect(normalizeLanguage(v), v).toBe('en');
    for (const v of ['es', 'es-MX', 'spa', 'Spanish', 'Español', 'espanol'])
      expect(normalizeLanguage(v), v).toBe('es');
    expect(normalizeLanguage('zh-Hant-TW')).toBe('zh');
    expect(normalizeLanguage('yue')).toBe('yue');
  });

  it('labels the language by its English name and derives limited English proficiency', () => {
    expect(languageLabel('es-MX')).toEqual({ language: 'Spanish', limitedEnglish: 'Yes', code: 'es' });
    expect(languageLabel('en-US')).toEqual({ language: 'English', limitedEnglish: 'No', code: 'en' });
    expect(languageLabel('en', { interpreterNeeded: true }).limitedEnglish).toBe('Yes');
    expect(languageLabel('vi').language).toBe('Vietnamese');
    expect(languageLabel('ase').limitedEnglish).toBe('Yes');
  });

  it('falls back to ICU names for languages outside the table', () => {
    expect(languageLabel('cy').language).toBe('Welsh');
  });

  it('keeps statuses apart', () => {
    expect(languageLabel(null)).toEqual({ language: 'Missing', limitedEnglish: 'Missing' });
    expect(languageLabel('')).toEqual({ language: 'Missing', limitedEnglish: 'Missing' });
    expect(languageLabel('UNK')).toEqual({ language: 'Unknown', limitedEnglish: 'Unknown' });
    expect(languageLabel('und')).toEqual({ language: 'Unknown', limitedEnglish: 'Unknown' });
    expect(languageLabel('ASKU')).toEqual({ language: 'Declined', limitedEnglish: 'Declined' });
    expect(languageLabel(null, { interpreterNeeded: true }).limitedEnglish).toBe('Yes');
    expect(languageLabel('Klingon!!')).toMatchObject({ language: 'Unknown', unmapped: true });
  });

  it('limited English is always Yes, No or a status', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.boolean()), (v, interp) => {
        const r = languageLabel(v, { interpreterNeeded: interp });
        expect(['Yes', 'No', 'Declined', 'Unknown', 'Missing']).toContain(r.limitedEnglish);
        if (interp === true) expect(r.limitedEnglish).toBe('Yes');
      }),
    );
  });
});
