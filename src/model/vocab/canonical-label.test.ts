import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENDER_IDENTITY, HRSN_RESULT, PAYER, SEX, SEXUAL_ORIENTATION } from '../categories.js';
import { STATUSES } from '../status.js';
import { canonicalLabel } from './canonical-label.js';
import { labelsFor } from './simple-labels.js';

describe('canonicalLabel', () => {
  it('sex: keys, FHIR administrative gender, birth sex and SNOMED codes', () => {
    for (const k of ['female', 'F', '248152002', 'Female'])
      expect(canonicalLabel('sex', k), k).toBe(SEX.female);
    for (const k of ['male', 'M', '248153007']) expect(canonicalLabel('sex', k), k).toBe(SEX.male);
    expect(canonicalLabel('sex', 'intersex')).toBe(SEX.intersex);
    expect(canonicalLabel('sex', 'other')).toBe('Unknown'); // administrative gender "other" says nothing about sex
    expect(canonicalLabel('sex', 'unknown')).toBe('Unknown');
    expect(canonicalLabel('sex', 'UNK')).toBe('Unknown');
    expect(canonicalLabel('sex', 'ASKU')).toBe('Declined');
  });

  it('gender identity and sexual orientation: SNOMED codes, OTH → Another', () => {
    expect(canonicalLabel('gender_identity', '446141000124107')).toBe(GENDER_IDENTITY.woman);
    expect(canonicalLabel('gender_identity', '446151000124109')).toBe(GENDER_IDENTITY.man);
    expect(canonicalLabel('gender_identity', '33791000087105')).toBe(GENDER_IDENTITY.nonBinary);
    expect(canonicalLabel('gender_identity', '407377005')).toBe(GENDER_IDENTITY.transWoman);
    expect(canonicalLabel('gender_identity', 'trans_man')).toBe(GENDER_IDENTITY.transMan);
    expect(canonicalLabel('gender_identity', 'OTH')).toBe(GENDER_IDENTITY.other);
    expect(canonicalLabel('sexual_orientation', '20430005')).toBe(SEXUAL_ORIENTATION.straight);
    expect(canonicalLabel('sexual_orientation', '38628009')).toBe(SEXUAL_ORIENTATION.gay);
    expect(canonicalLabel('sexual_orientation', '42035005')).toBe(SEXUAL_ORIENTATION.bisexual);
    expect(canonicalLabel('sexual_orientation', 'OTH')).toBe(SEXUAL_ORIENTATION.other);
    expect(canonicalLabel('sexual_orientation', 'UNK')).toBe('Unknown');
    expect(canonicalLabel('sexual_orientation', 'ASKU')).toBe('Declined');
  });

  it('payer, disability, HRSN, limited English', () => {
    expect(canonicalLabel('payer', 'medicare')).toBe(PAYER.medicare);
    expect(canonicalLabel('payer', 'dual')).toBe(PAYER.dual);
    expect(canonicalLabel('payer', 'self_pay')).toBe(PAYER.selfPay);
    expect(canonicalLabel('payer', 'uninsured')).toBe(PAYER.selfPay);
    expect(canonicalLabel('payer', 'OTH')).toBe(PAYER.other);
    expect(canonicalLabel('disability', 'yes')).toBe('Yes');
    expect(canonicalLabel('disability', 'no')).toBe('No');
    expect(canonicalLabel('hrsn_food', 'positive')).toBe(HRSN_RESULT.positive);
    expect(canonicalLabel('hrsn_housing_instability', 'not_screened')).toBe(HRSN_RESULT.notScreened);
    expect(canonicalLabel('limited_english', 'Y')).toBe('Yes');
  });

  it('accepts snake_case and camelCase keys alike', () => {
    expect(canonicalLabel('gender_identity', 'transWoman')).toBe(GENDER_IDENTITY.transWoman);
    expect(canonicalLabel('gender_identity', 'nonBinary')).toBe(GENDER_IDENTITY.nonBinary);
    expect(canonicalLabel('payer', 'selfPay')).toBe(PAYER.selfPay);
    expect(canonicalLabel('hrsn_food', 'notScreened')).toBe(HRSN_RESULT.notScreened);
    expect(canonicalLabel('sex', 'asked-declined')).toBe('Declined');
  });

  it('statuses for every attribute; null for unknown keys', () => {
    expect(canonicalLabel('payer', 'declined')).toBe('Declined');
    expect(canonicalLabel('payer', 'missing')).toBe('Missing');
    expect(canonicalLabel('payer', '')).toBe('Missing');
    expect(canonicalLabel('payer', null)).toBe('Missing');
    expect(canonicalLabel('my_custom', 'unknown')).toBe('Unknown');
    expect(canonicalLabel('sex', 'banana')).toBeNull();
    expect(canonicalLabel('my_custom', 'anything')).toBeNull();
  });

  it('race, ethnicity, language and age band delegate', () => {
    expect(canonicalLabel('race', '2121-2')).toBe('White');
    expect(canonicalLabel('race_ethnicity', '2121-2')).toBe('Middle Eastern or North African');
    expect(canonicalLabel('ethnicity', '2148-5')).toBe('Hispanic or Latino');
    expect(canonicalLabel('race', 'not-a-code')).toBeNull();
    expect(canonicalLabel('language', 'es')).toBe('Spanish');
    expect(canonicalLabel('age_band', '[40-50)')).toBe('40-49');
    expect(canonicalLabel('age_band', 'old')).toBeNull();
  });

  it('labels are idempotent and always a known label or status', () => {
    for (const attr of ['sex', 'gender_identity', 'sexual_orientation', 'payer', 'disability', 'hrsn_food']) {
      const labels = labelsFor(attr);
      for (const l of labels) expect(canonicalLabel(attr, l)).toBe(l);
      fc.assert(
        fc.property(fc.string(), (k) => {
          const r = canonicalLabel(attr, k);
          expect(r === null || labels.includes(r) || (STATUSES as readonly string[]).includes(r)).toBe(true);
        }),
      );
    }
  });
});
